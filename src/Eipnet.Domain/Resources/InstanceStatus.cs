namespace Eipnet.Domain.Resources;

/// <summary>ECS instance states; the transitional ones end when the data plane reports the revision applied.</summary>
public enum InstanceStatus { Pending, Starting, Running, Stopping, Stopped }

namespace Eipnet.Contracts.Regions;

/// <summary>One kind of resource (Type: Zone, InstanceType, SystemDisk, ...) and its values.</summary>
public sealed record AvailableResourceItem(string Type, SupportedResourceList SupportedResources);

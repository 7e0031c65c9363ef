namespace Eipnet.DataPlane;

/// <summary>A resource deleted from the store.</summary>
public sealed record RemovedResource(ResourceKind Kind, string Id);

namespace Eipnet.DataPlane;

/// <summary>A resource deleted from the store; Kind is the store's change kind ("eip", "eni", "instance", ...).</summary>
public sealed record RemovedResource(string Kind, string Id);

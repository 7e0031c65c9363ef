namespace Eipnet.Domain.Resources;

/// <summary>A user's key/value label on a resource (Tag.N.Key / Tag.N.Value on the wire).</summary>
public sealed record ResourceTag(string Key, string Value);

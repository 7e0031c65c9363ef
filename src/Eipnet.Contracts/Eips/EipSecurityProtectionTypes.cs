namespace Eipnet.Contracts.Eips;

public sealed record EipSecurityProtectionTypes(IReadOnlyList<string> SecurityProtectionType);

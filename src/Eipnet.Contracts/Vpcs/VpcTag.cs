namespace Eipnet.Contracts.Vpcs;

public sealed record VpcTag(string Key, string Value);

namespace Eipnet.Contracts.Vpcs;

public sealed record UserCidrList(IReadOnlyList<string> UserCidr);

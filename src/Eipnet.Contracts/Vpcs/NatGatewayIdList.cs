namespace Eipnet.Contracts.Vpcs;

public sealed record NatGatewayIdList(IReadOnlyList<string> NatGatewayIds);

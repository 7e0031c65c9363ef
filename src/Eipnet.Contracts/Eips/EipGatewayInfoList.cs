namespace Eipnet.Contracts.Eips;

public sealed record EipGatewayInfoList(IReadOnlyList<EipGatewayInfo> EipInfo);

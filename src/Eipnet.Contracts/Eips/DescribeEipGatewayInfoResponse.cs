namespace Eipnet.Contracts.Eips;

/// <summary>A success body that carries Code "200", as Alibaba's does.</summary>
public sealed record DescribeEipGatewayInfoResponse(string RequestId, string Code, string Message, EipGatewayInfoList EipInfos);

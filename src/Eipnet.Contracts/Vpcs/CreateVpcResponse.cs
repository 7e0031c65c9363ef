namespace Eipnet.Contracts.Vpcs;

public sealed record CreateVpcResponse(string RequestId, string VpcId, string VRouterId, string RouteTableId, string ResourceGroupId);

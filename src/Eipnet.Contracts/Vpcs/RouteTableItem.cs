namespace Eipnet.Contracts.Vpcs;

/// <summary>One route table of DescribeRouteTableList (RouterTableList.RouterTableListType[]).</summary>
public sealed record RouteTableItem
{
    public required string RouteTableId { get; init; }
    public required string RouteTableName { get; init; }
    public required string RouteTableType { get; init; }
    public required string RouterId { get; init; }
    public required string RouterType { get; init; }
    public required string VpcId { get; init; }
    public required string Status { get; init; }
    public required string Description { get; init; }
    public required string CreationTime { get; init; }
    public required string ResourceGroupId { get; init; }
    public required long OwnerId { get; init; }
    public required bool RoutePropagationEnable { get; init; }
    public required string AssociateType { get; init; }
    public required VSwitchIdList VSwitchIds { get; init; }
    public required GatewayIdList GatewayIds { get; init; }
    public required VpcTagList Tags { get; init; }
}

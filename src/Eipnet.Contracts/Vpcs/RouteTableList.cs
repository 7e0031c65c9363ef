namespace Eipnet.Contracts.Vpcs;

public sealed record RouteTableList(IReadOnlyList<RouteTableItem> RouterTableListType);

namespace Eipnet.Contracts.Vpcs;

public sealed record VSwitchRouteTable(string RouteTableId, string RouteTableType);

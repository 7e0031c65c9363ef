namespace Eipnet.Contracts.Vpcs;

/// <summary>The GatewayIds.GatewayIds[] wrapper of a route table (Alibaba repeats the name; always empty here).</summary>
public sealed record GatewayIdList(IReadOnlyList<string> GatewayIds);

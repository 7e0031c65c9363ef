using Eipnet.Api.Rpc;
using Eipnet.Contracts.Regions;

namespace Eipnet.Api.Regions;

using Eipnet.Domain.Catalog; // inside the namespace: Eipnet.Api.Catalog would hide the catalog records

/// <summary>The ECS API's DescribeInstanceTypes, answered from the catalog's instance types.</summary>
public static class InstanceTypeQueries
{
    public static Task<DescribeInstanceTypesResponse> DescribeAsync(RpcContext ctx)
    {
        var ids = ctx.RepeatList("InstanceTypes", 10);
        var family = ctx.Optional("InstanceTypeFamily", 64);
        var maxResults = ctx.OptionalInt("MaxResults", 1, 1600) ?? 1600;
        var offset = TokenPaging.Offset(ctx);
        var matching = ctx.Catalog.InstanceTypes
            .Where(t => (ids.Count == 0 || ids.Contains(t.InstanceTypeId)) && (family is null || t.InstanceTypeFamily == family))
            .ToList();
        var (shown, nextToken) = TokenPaging.Page(matching, offset, maxResults);
        return Task.FromResult(new DescribeInstanceTypesResponse(ctx.RequestId, nextToken, new InstanceTypeList(shown.Select(ToItem).ToList())));
    }

    private static InstanceTypeItem ToItem(InstanceTypeSpec t) => new()
    {
        InstanceTypeId = t.InstanceTypeId,
        InstanceTypeFamily = t.InstanceTypeFamily,
        CpuCoreCount = t.CpuCoreCount,
        MemorySize = t.MemorySize,
        EniQuantity = t.EniQuantity,
        // Eipnet has no trunk ENIs, so the total is the primary plus secondary ENIs.
        EniTotalQuantity = t.EniQuantity,
        EniPrivateIpAddressQuantity = t.EniPrivateIpAddressQuantity,
        EniIpv6AddressQuantity = 0,
        EniTrunkSupported = false,
    };
}

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
        var families = ctx.RepeatList("InstanceTypeFamilies", 10);
        var maxResults = ctx.OptionalInt("MaxResults", 1, 1600) ?? 1600;
        var offset = TokenPaging.Offset(ctx);
        var minCores = ctx.OptionalInt("MinimumCpuCoreCount", 0, 1024);
        var maxCores = ctx.OptionalInt("MaximumCpuCoreCount", 0, 1024);
        var minMemory = Number(ctx, "MinimumMemorySize");
        var maxMemory = Number(ctx, "MaximumMemorySize");
        var minEnis = ctx.OptionalInt("MinimumEniQuantity", 0, 1024);
        var minIps = ctx.OptionalInt("MinimumEniPrivateIpAddressQuantity", 0, 1024);
        // Not in the SDK's model, but Terraform's alicloud_instance_types sends them: one type, and a system disk category.
        var single = ctx.Optional("InstanceType", 64);
        var diskCategory = ctx.Optional("SystemDiskCategory", 64);
        ctx.RepeatList("AdditionalAttributes", 20);
        ctx.OptionalInt("MaximumGPUAmount", 0, 1024);
        // The catalog's types are x86 without GPUs, local disks, IPv6 or NVMe: asking for any of those matches nothing.
        var matchNothing = ctx.Optional("GPUSpec", 64) is not null || ctx.RepeatList("GpuSpecs", 10).Count > 0 || ctx.OptionalInt("MinimumGPUAmount", 0, 1024) > 0
            || ctx.OptionalInt("MinimumEniIpv6AddressQuantity", 0, 1024) > 0 || ctx.Optional("LocalStorageCategory", 64) is not null
            || ctx.RepeatList("LocalStorageCategories", 10).Count > 0 || ctx.OptionalInt("MinimumLocalStorageAmount", 0, 1024) > 0
            || ctx.OptionalInt("MinimumLocalStorageCapacity", 0, 1_000_000) > 0 || ctx.OneOf("NvmeSupport", "required", "unsupported") == "required"
            || (diskCategory is not null && !Domain.Resources.SystemDisk.Categories.Contains(diskCategory))
            || ctx.OneOf("CpuArchitecture", "X86", "ARM") == "ARM" || (ctx.RepeatList("CpuArchitectures", 2) is { Count: > 0 } arch && !arch.Contains("X86"));
        // What the catalog does not record is refused rather than ignored.
        foreach (var unknown in new[] { "InstanceCategory", "InstanceFamilyLevel", "PhysicalProcessorModel", "MinimumCpuSpeedFrequency", "MaximumCpuSpeedFrequency",
            "MinimumCpuTurboFrequency", "MaximumCpuTurboFrequency", "MinimumBaselineCredit", "MinimumInitialCredit", "MinimumInstanceBandwidthRx",
            "MinimumInstanceBandwidthTx", "MinimumInstancePpsRx", "MinimumInstancePpsTx", "MinimumPrimaryEniQueueNumber", "MinimumSecondaryEniQueueNumber",
            "MinimumQueuePairNumber", "MinimumDiskQuantity", "MinimumEriQuantity", "InstanceCategories.1", "PhysicalProcessorModels.1" })
            ctx.Refuse(unknown, "the catalog does not record it; leave it out.");
        var matching = matchNothing ? [] : ctx.Catalog.InstanceTypes
            .Where(t => (ids.Count == 0 || ids.Contains(t.InstanceTypeId)) && (single is null || t.InstanceTypeId == single) && (family is null || t.InstanceTypeFamily == family)
                && (families.Count == 0 || families.Contains(t.InstanceTypeFamily))
                && (minCores is null || t.CpuCoreCount >= minCores) && (maxCores is null || t.CpuCoreCount <= maxCores)
                && (minMemory is null || t.MemorySize >= minMemory) && (maxMemory is null || t.MemorySize <= maxMemory)
                && (minEnis is null || t.EniQuantity >= minEnis) && (minIps is null || t.EniPrivateIpAddressQuantity >= minIps))
            .ToList();
        var (shown, nextToken) = TokenPaging.Page(matching, offset, maxResults);
        return Task.FromResult(new DescribeInstanceTypesResponse(ctx.RequestId, nextToken, new InstanceTypeList(shown.Select(ToItem).ToList())));
    }

    private static double? Number(RpcContext ctx, string name) =>
        ctx.Optional(name, 16) is not { } text ? null
            : double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 0
                ? n : throw RpcContext.Invalid(name, "it must be a non-negative number.");

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

using Eipnet.Api.Rpc;
using Eipnet.Contracts.Instances;
using Eipnet.Domain.Errors;
using Eipnet.Domain.Ids;
using Eipnet.Domain.Resources;
using Eipnet.Domain.Tagging;
using Eipnet.Store.Queries;

namespace Eipnet.Api.Instances;

/// <summary>DescribeDisks: each instance's system disk (<see cref="SystemDisk"/>), id d- with the instance's suffix.</summary>
public static class DiskQueries
{
    public const string DiskPrefix = "d-";

    // Filters on what Eipnet's disks never are: asked for, they match nothing; asked against, everything.
    private static readonly (string Name, string Never)[] Absent =
    [
        ("Portable", "true"), ("Encrypted", "true"), ("EnableAutoSnapshot", "true"), ("MultiAttach", "Enabled"), ("EnableShared", "true"),
        ("EnableAutomatedSnapshotPolicy", "true"), ("DeleteAutoSnapshot", "false"), ("DiskChargeType", "PrePaid"),
    ];

    // Filters Eipnet cannot answer truthfully: refused.
    private static readonly string[] Refused = ["SnapshotId", "AutoSnapshotPolicyId", "KMSKeyId", "LockReason", "Filter.1.Key"];

    public static string DiskId(string instanceId) => DiskPrefix + instanceId[ResourceIds.Instance.Length..];

    public static async Task<DescribeDisksResponse> DescribeAsync(RpcContext ctx)
    {
        var region = ctx.Region();
        var instanceId = ctx.Optional("InstanceId", 64);
        var diskType = ctx.OneOf("DiskType", "all", "system", "data") ?? "all";
        var diskIds = ctx.JsonStringArray("DiskIds", 100);
        var zoneId = ctx.Optional("ZoneId", 64);
        var category = ctx.OneOf("Category", ["all", .. SystemDisk.Categories, "cloud", "ephemeral_ssd", "elastic_ephemeral_disk_standard", "elastic_ephemeral_disk_premium"]);
        var status = ctx.OneOf("Status", "In_use", "Available", "Attaching", "Detaching", "Creating", "ReIniting", "All");
        var name = ctx.Optional("DiskName", 128);
        var resourceGroupId = ResourceGroupParameter.Read(ctx);
        var tags = Tags.Read(ctx);
        var deleteWithInstance = ctx.OptionalBool("DeleteWithInstance");
        var dryRun = ctx.OptionalBool("DryRun") ?? false;
        // Placement (where the disk's data is stored) is the only additional attribute; Eipnet's disks store none.
        ctx.RepeatList("AdditionalAttributes", 10);
        ctx.OneOf("DiskChargeType", "PrePaid", "PostPaid");
        ctx.OptionalBool("EnableAutomatedSnapshotPolicy");
        ctx.OptionalBool("DeleteAutoSnapshot");
        foreach (var field in Refused)
            ctx.Refuse(field, "Eipnet's disks have no such attribute to filter by; leave it out.");
        var matchNothing = Absent.Any(a => string.Equals(ctx.Optional(a.Name, 16), a.Never, StringComparison.OrdinalIgnoreCase))
            || diskType == "data" || deleteWithInstance == false || status is not (null or "In_use" or "All")
            || category is not (null or "all") && !SystemDisk.Categories.Contains(category);
        var page = DescribePage.Read(ctx, maxPageSize: 100, maxResults: 500);
        if (dryRun)
            throw new EipException(EcsErrors.DryRunOperation());

        var query = DocQuery.Where("account_id", ctx.Account.AccountId).And("region_id", region.RegionId)
            .AndIf("id", instanceId).AndIf("zone_id", zoneId).AndIf("resource_group_id", resourceGroupId);
        if (diskIds is not null)
            query.AndIn("id", diskIds.Where(d => d.StartsWith(DiskPrefix, StringComparison.Ordinal)).Select(d => ResourceIds.Instance + d[DiskPrefix.Length..]).ToList());
        if (matchNothing)
            query.AndIn("id", []);

        var instances = await ctx.Store.ReadAsync(s => s.ListAsync<Instance>(query), ctx.Cancellation);
        // Category, name and tags live in the document; the instance quota bounds this list.
        var disks = instances.Where(i => category is null or "all" || i.SystemDisk.Category == category)
            .Where(i => name is null || i.SystemDisk.DiskName == name).Where(i => TagRules.Match(i.SystemDisk.Tags, tags)).ToList();
        var shown = disks.Skip(page.Skip).Take(page.Size).Select(ToItem).ToList();
        return new DescribeDisksResponse(ctx.RequestId, disks.Count, page.Number, page.Size, page.NextToken(disks.Count), new DiskList(shown));
    }

    private static DiskItem ToItem(Instance i) => new()
    {
        DiskId = DiskId(i.InstanceId),
        DiskName = i.SystemDisk.DiskName,
        Description = i.SystemDisk.Description,
        Type = "system",
        Category = i.SystemDisk.Category,
        Size = i.SystemDisk.Size,
        Status = "In_use",
        InstanceId = i.InstanceId,
        RegionId = i.RegionId,
        ZoneId = i.ZoneId,
        Device = "/dev/xvda",
        PerformanceLevel = i.SystemDisk.PerformanceLevel,
        ImageId = i.ImageId,
        ResourceGroupId = i.ResourceGroupId,
        CreationTime = Times.Format(i.CreationTime),
        AttachedTime = Times.Format(i.CreationTime),
        Encrypted = false,
        DeleteWithInstance = true,
        DeleteAutoSnapshot = true,
        EnableAutoSnapshot = false,
        Portable = false,
        KMSKeyId = "",
        AutoSnapshotPolicyId = "",
        StorageClusterId = "",
        Tags = new InstanceTagList(i.SystemDisk.Tags.Select(t => new InstanceTag(t.Key, t.Value)).ToList()),
    };
}

using Eipnet.Api.Rpc;
using Eipnet.Contracts.Common;
using Eipnet.Domain.Errors;
using Eipnet.Domain.Ids;
using Eipnet.Domain.Resources;
using Eipnet.Store;

namespace Eipnet.Api.Instances;

/// <summary>ResizeDisk, ModifyDiskAttribute and ModifyDiskSpec on an instance's system disk, the only disks Eipnet has
/// (<see cref="SystemDisk"/>). A disk is kept in its instance's document, so its changes follow the instance's rule: not
/// while the instance is Pending, Starting or Stopping.</summary>
public static class DiskChanges
{
    /// <summary>ResizeDisk: a larger size, online or offline (Eipnet's disks hold no data, so both take effect at once).</summary>
    public static async Task<RequestIdResponse> ResizeAsync(RpcContext ctx)
    {
        var diskId = ctx.Required("DiskId", 64);
        var newSize = ctx.OptionalInt("NewSize", SystemDisk.MinSize, SystemDisk.MaxSize) ?? throw new EipException(EipError.MissingParameter("NewSize"));
        ctx.OneOf("Type", "offline", "online");
        return await ChangeAsync(ctx, diskId, (_, disk) => newSize > disk.Size
            ? (disk with { Size = newSize }, null)
            : (disk, EcsErrors.DiskSizeTooSmall(diskId, disk.Size, newSize)));
    }

    /// <summary>ModifyDiskAttribute: name and description (sent empty: cleared). A system disk is always deleted with its
    /// instance and has no automatic snapshots, so asking otherwise is refused.</summary>
    public static async Task<RequestIdResponse> ModifyAttributeAsync(RpcContext ctx)
    {
        var diskId = ctx.Optional("DiskId", 64);
        var diskIds = ctx.RepeatList("DiskIds", 100);
        if (diskId is not null && diskIds.Count > 0)
            throw new EipException(EcsErrors.Conflict("DiskId", "DiskIds.N"));
        if (diskId is null && diskIds.Count == 0)
            throw new EipException(EipError.MissingParameter("DiskId"));
        var name = ctx.TextOrCleared("DiskName", 2, 128);
        var description = ctx.TextOrCleared("Description", 2, 256);
        if (ctx.OptionalBool("DeleteWithInstance") == false)
            throw RpcContext.Invalid("DeleteWithInstance", "a system disk is always released with its instance.");
        if (ctx.OptionalBool("EnableAutoSnapshot") == true)
            throw RpcContext.Invalid("EnableAutoSnapshot", "Eipnet takes no snapshots; leave it out.");
        if (ctx.OptionalBool("BurstingEnabled") == true)
            throw RpcContext.Invalid("BurstingEnabled", "Eipnet's disks have no performance burst; leave it out.");
        ctx.OptionalBool("DeleteAutoSnapshot");
        return await ChangeAsync(ctx, diskId is null ? [.. diskIds] : [diskId], (_, disk) =>
            (disk with { DiskName = name ?? disk.DiskName, Description = description ?? disk.Description }, null));
    }

    /// <summary>ModifyDiskSpec: another category, or another performance level of an ESSD (PL0-PL3).</summary>
    public static async Task<RequestIdResponse> ModifySpecAsync(RpcContext ctx)
    {
        var diskId = ctx.Required("DiskId", 64);
        var category = ctx.OneOf("DiskCategory", [.. SystemDisk.Categories]);
        var level = ctx.OneOf("PerformanceLevel", "PL0", "PL1", "PL2", "PL3");
        ctx.Refuse("ProvisionedIops", "Eipnet's disks have no provisioned IOPS; leave it out.");
        var dryRun = ctx.OptionalBool("DryRun") ?? false;
        if (category is null && level is null)
            throw new EipException(EipError.MissingParameter("DiskCategory"));
        return await ChangeAsync(ctx, [diskId], (_, disk) =>
        {
            var newCategory = category ?? disk.Category;
            if (level is not null && newCategory != "cloud_essd")
                return (disk, EcsErrors.DiskCategoryNotSupported(diskId, newCategory, "only an ESSD (cloud_essd) has a performance level"));
            var changed = disk with { Category = newCategory, PerformanceLevel = newCategory == "cloud_essd" ? level ?? (disk.PerformanceLevel is { Length: > 0 } l ? l : "PL0") : "" };
            return dryRun ? (disk, EcsErrors.DryRunOperation()) : (changed, null);
        });
    }

    /// <summary>The instance id behind a disk id (d- and the instance's suffix), or null for an id of another form.</summary>
    public static string? InstanceIdOf(string diskId) =>
        diskId.StartsWith(DiskQueries.DiskPrefix, StringComparison.Ordinal) && diskId.Length > DiskQueries.DiskPrefix.Length
            ? ResourceIds.Instance + diskId[DiskQueries.DiskPrefix.Length..]
            : null;

    /// <summary>The caller's disk with this id in the region (any region when <paramref name="regionId"/> is null), with its instance.</summary>
    public static async Task<Instance> FindAsync(IStoreSession s, RpcContext ctx, string diskId, string? regionId)
    {
        var instance = InstanceIdOf(diskId) is { } instanceId ? await s.GetAsync<Instance>(instanceId) : null;
        return instance is not null && instance.AccountId == ctx.Account.AccountId && (regionId is null || instance.RegionId == regionId)
            ? instance
            : throw new EipException(EcsErrors.DiskNotFound(diskId));
    }

    private static Task<RequestIdResponse> ChangeAsync(RpcContext ctx, string diskId, Func<string, SystemDisk, (SystemDisk, EipError?)> change) =>
        ChangeAsync(ctx, [diskId], change);

    private static Task<RequestIdResponse> ChangeAsync(RpcContext ctx, string[] diskIds, Func<string, SystemDisk, (SystemDisk, EipError?)> change)
    {
        var regionId = ctx.OptionalRegion()?.RegionId;
        string[] locked = [.. diskIds.Select(d => InstanceIdOf(d) ?? d).Distinct()];
        return ctx.Store.WriteAsync(WriteScope.ResourcesOnly(ctx.Account.AccountId, locked), async s =>
        {
            foreach (var diskId in diskIds)
            {
                var instance = await FindAsync(s, ctx, diskId, regionId);
                if (InstanceRules.CheckChange(instance) is { } busy)
                    throw new EipException(busy);
                var (disk, error) = change(diskId, instance.SystemDisk);
                if (error is not null)
                    throw new EipException(error);
                await s.PutAsync(instance with { SystemDisk = disk }, forDataPlane: false);
            }
            return new RequestIdResponse(ctx.RequestId);
        }, ctx.Cancellation);
    }
}

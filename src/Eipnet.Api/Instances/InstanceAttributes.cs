using Eipnet.Api.Rpc;
using Eipnet.Contracts.Common;
using Eipnet.Contracts.Instances;
using Eipnet.Domain.Errors;
using Eipnet.Domain.Resources;
using Eipnet.Store;
using Eipnet.Store.Queries;

namespace Eipnet.Api.Instances;

/// <summary>The instance reads Terraform's alicloud_instance makes besides DescribeInstances (DescribeUserData,
/// DescribeInstanceAttribute, DescribeInstanceMaintenanceAttributes, DescribeInstanceAttachmentAttributes,
/// DescribeInstanceRamRole) and ModifyInstanceAttribute.</summary>
public static class InstanceAttributes
{
    public static async Task<DescribeUserDataResponse> DescribeUserDataAsync(RpcContext ctx)
    {
        var region = ctx.Region();
        var instance = await OneAsync(ctx, ctx.Required("InstanceId", 64), region.RegionId);
        return new DescribeUserDataResponse(ctx.RequestId, instance.RegionId, instance.InstanceId, instance.UserData);
    }

    public static async Task<DescribeInstanceAttributeResponse> DescribeAttributeAsync(RpcContext ctx)
    {
        var id = ctx.Required("InstanceId", 64);
        var region = ctx.OptionalRegion();
        var (i, primary) = await ctx.Store.ReadAsync(async s =>
        {
            var instance = await Find.InstanceAsync(s, ctx, id, region?.RegionId);
            return (instance, await s.GetAsync<NetworkInterface>(instance.PrimaryNetworkInterfaceId));
        }, ctx.Cancellation);
        var type = ctx.Catalog.FindInstanceType(i.InstanceType);
        return new DescribeInstanceAttributeResponse
        {
            RequestId = ctx.RequestId, InstanceId = i.InstanceId, InstanceName = i.InstanceName, Description = i.Description, Status = i.Status.ToString(),
            RegionId = i.RegionId, ZoneId = i.ZoneId, InstanceType = i.InstanceType, ImageId = i.ImageId, HostName = i.HostName,
            Cpu = type?.CpuCoreCount ?? 0, Memory = type is null ? 0 : (int)Math.Round(type.MemorySize * 1024), CreationTime = Times.Format(i.CreationTime),
            InstanceNetworkType = "vpc", InternetChargeType = "PayByTraffic", InternetMaxBandwidthOut = 0, InstanceChargeType = "PostPaid", IoOptimized = "optimized",
            StoppedMode = InstanceView.StoppedMode(i), EnableJumboFrame = false,
            VpcAttributes = new InstanceVpcAttributes(i.VpcId, i.VSwitchId, "", new InstanceIpAddressList(primary is null ? [] : [primary.PrimaryIpAddress])),
            PublicIpAddress = new InstanceIpAddressList([]), InnerIpAddress = new InstanceIpAddressList([]),
            SecurityGroupIds = new InstanceSecurityGroupIdList(primary?.SecurityGroupIds ?? []), OperationLocks = new InstanceLockReasonList([]),
        };
    }

    public static async Task<DescribeInstanceMaintenanceAttributesResponse> DescribeMaintenanceAsync(RpcContext ctx)
    {
        var region = ctx.Region();
        var ids = ctx.RepeatList("InstanceId", 100);
        var (page, size) = ctx.Page(100);
        var instances = await ListAsync(ctx, region.RegionId, ids);
        var items = instances.Skip((page - 1) * size).Take(size).Select(i => new MaintenanceAttributeItem(i.InstanceId,
            new MaintenanceWindowList(i.Maintenance.Windows.Select(w => new MaintenanceWindow(w.StartTime, w.EndTime)).ToList()),
            new MaintenanceAction(i.Maintenance.ActionOnMaintenance, InstanceMaintenance.Default.ActionOnMaintenance, new MaintenanceActionValues([.. InstanceMaintenance.Actions])),
            i.Maintenance.NotifyOnMaintenance)).ToList();
        return new DescribeInstanceMaintenanceAttributesResponse(ctx.RequestId, instances.Count, page, size, new MaintenanceAttributeList(items));
    }

    public static async Task<DescribeInstanceAttachmentAttributesResponse> DescribeAttachmentAsync(RpcContext ctx)
    {
        var region = ctx.Region();
        var ids = ctx.JsonStringArray("InstanceIds", 100) ?? throw new EipException(EipError.MissingParameter("InstanceIds"));
        var (page, size) = ctx.Page(100);
        var instances = await ListAsync(ctx, region.RegionId, ids);
        var items = instances.Skip((page - 1) * size).Take(size).Select(i => new AttachmentAttributeItem(i.InstanceId, "", "")).ToList();
        return new DescribeInstanceAttachmentAttributesResponse(ctx.RequestId, instances.Count, page, size, new AttachmentAttributeList(items));
    }

    public static async Task<DescribeInstanceRamRoleResponse> DescribeRamRoleAsync(RpcContext ctx)
    {
        var region = ctx.Region();
        var ids = ctx.JsonStringArray("InstanceIds", 100) ?? throw new EipException(EipError.MissingParameter("InstanceIds"));
        // Eipnet has no RAM roles: a filter by role matches nothing.
        var role = ctx.Optional("RamRoleName", 64);
        var instances = role is null ? await ListAsync(ctx, region.RegionId, ids) : [];
        var items = instances.Select(i => new RamRoleSetItem(i.InstanceId, "")).ToList();
        return new DescribeInstanceRamRoleResponse(ctx.RequestId, region.RegionId, items.Count, new RamRoleSetList(items));
    }

    /// <summary>ModifyInstanceAttribute: name, description, host name, user data, deletion protection; a password is taken
    /// and not kept (the lab's instances have no login). As on Alibaba, a new host name or user data takes effect at the
    /// next start (Terraform stops and starts the instance after this call).</summary>
    public static async Task<RequestIdResponse> ModifyAsync(RpcContext ctx)
    {
        var id = ctx.Required("InstanceId", 64);
        var region = ctx.OptionalRegion();
        var name = ctx.TextOrCleared("InstanceName", 2, 128);
        var description = ctx.TextOrCleared("Description", 2, 256);
        var hostName = ctx.Text("HostName", 2, 64);
        var userData = ctx.Parameters.TryGetValue("UserData", out var sent) ? sent : null;
        if (userData is { Length: > 0 } && InstanceRules.CheckUserData(userData) is { } badUserData)
            throw new EipException(badUserData);
        var deletionProtection = ctx.OptionalBool("DeletionProtection");
        ctx.Optional("Password", 30);
        if (ctx.OptionalBool("EnableJumboFrame") == true)
            throw RpcContext.Invalid("EnableJumboFrame", "Eipnet's interfaces use a 1500-byte MTU; leave it out.");
        if (ctx.OneOf("CreditSpecification", "Standard", "Unlimited") == "Unlimited")
            throw RpcContext.Invalid("CreditSpecification", "Eipnet's instances have no CPU credits; leave it out.");
        if (ctx.RepeatList("SecurityGroupIds", 5).Count > 0)
            throw RpcContext.Invalid("SecurityGroupIds", "change an instance's groups with JoinSecurityGroup and LeaveSecurityGroup.");
        ctx.Refuse("NetworkInterfaceQueueNumber", "Eipnet's network interfaces have one queue; leave it out.");
        foreach (var cpu in new[] { "CpuOptions.Core", "CpuOptions.ThreadsPerCore", "CpuOptions.TopologyType" })
            ctx.Refuse(cpu, "Eipnet's instances take the CPU of their instance type; leave it out.");

        return await ctx.Store.WriteAsync(WriteScope.Account(ctx.Account.AccountId, id), async s =>
        {
            var instance = await Find.InstanceAsync(s, ctx, id, region?.RegionId);
            if (InstanceRules.CheckChange(instance) is { } busy)
                throw new EipException(busy);
            await s.PutAsync(instance with
            {
                InstanceName = name ?? instance.InstanceName, Description = description ?? instance.Description, HostName = hostName ?? instance.HostName,
                UserData = userData ?? instance.UserData, DeletionProtection = deletionProtection ?? instance.DeletionProtection,
            }, forDataPlane: false);
            return new RequestIdResponse(ctx.RequestId);
        }, ctx.Cancellation);
    }

    /// <summary>ModifyInstanceMaintenanceAttributes: windows (MaintenanceWindow.N.StartTime/EndTime, replacing the old ones
    /// when given), ActionOnMaintenance and NotifyOnMaintenance for up to 100 instances, all or none. Eipnet never takes an
    /// instance down for maintenance, so the settings are kept for clients to read back.</summary>
    public static async Task<RequestIdResponse> ModifyMaintenanceAsync(RpcContext ctx)
    {
        var region = ctx.Region();
        var ids = ctx.RepeatList("InstanceId", 100);
        if (ids.Count == 0)
            throw new EipException(EipError.MissingParameter("InstanceId.1"));
        var windows = ctx.ObjectList("MaintenanceWindow", InstanceMaintenance.MaxWindows)
            .Select(w => new MaintenanceSlot(w.GetValueOrDefault("StartTime") ?? "", w.GetValueOrDefault("EndTime") ?? "")).ToList();
        if (windows.FirstOrDefault(w => !InstanceMaintenance.IsValidWindow(w)) is { } bad)
            throw RpcContext.Invalid("MaintenanceWindow.N", $"\"{bad.StartTime}\"-\"{bad.EndTime}\" is not a window: StartTime and EndTime are different whole UTC hours such as 02:00:00Z.");
        var action = ctx.OneOf("ActionOnMaintenance", [.. InstanceMaintenance.Actions]);
        var notify = ctx.OptionalBool("NotifyOnMaintenance");

        return await ctx.Store.WriteAsync(WriteScope.ResourcesOnly(ctx.Account.AccountId, [.. ids.Distinct()]), async s =>
        {
            foreach (var id in ids.Distinct())
            {
                var instance = await Find.InstanceAsync(s, ctx, id, region.RegionId);
                if (InstanceRules.CheckChange(instance) is { } busy)
                    throw new EipException(busy);
                var m = instance.Maintenance;
                await s.PutAsync(instance with
                {
                    Maintenance = new InstanceMaintenance(windows.Count > 0 ? windows : m.Windows, action ?? m.ActionOnMaintenance, notify ?? m.NotifyOnMaintenance),
                }, forDataPlane: false);
            }
            return new RequestIdResponse(ctx.RequestId);
        }, ctx.Cancellation);
    }

    private static Task<Instance> OneAsync(RpcContext ctx, string id, string regionId) =>
        ctx.Store.ReadAsync(s => Find.InstanceAsync(s, ctx, id, regionId), ctx.Cancellation);

    /// <summary>The caller's instances in the region among <paramref name="ids"/>, in creation order; ids it does not have are left out.</summary>
    private static async Task<IReadOnlyList<Instance>> ListAsync(RpcContext ctx, string regionId, IReadOnlyList<string> ids) =>
        ids.Count == 0 ? [] : await ctx.Store.ReadAsync(s => s.ListAsync<Instance>(
            DocQuery.Where("account_id", ctx.Account.AccountId).And("region_id", regionId).AndIn("id", ids)), ctx.Cancellation);
}

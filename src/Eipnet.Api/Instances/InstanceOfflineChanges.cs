using Eipnet.Api.NetworkInterfaces;
using Eipnet.Api.Rpc;
using Eipnet.Contracts.Common;
using Eipnet.Contracts.Instances;
using Eipnet.Domain.Addressing;
using Eipnet.Domain.Errors;
using Eipnet.Domain.Resources;
using Eipnet.Store;
using Eipnet.Store.Queries;

namespace Eipnet.Api.Instances;

/// <summary>The changes Alibaba makes only to a Stopped instance (<see cref="OfflineChangeRules"/>): ModifyInstanceSpec,
/// ReplaceSystemDisk and ModifyInstanceVpcAttribute. Terraform stops the instance, calls one of them, polls
/// DescribeInstances until the change shows, and starts the instance again.</summary>
public static class InstanceOfflineChanges
{
    /// <summary>ModifyInstanceSpec: a new instance type for a pay-as-you-go instance. Bandwidth, disk and temporary
    /// upgrades are refused (Eipnet's instances have no public bandwidth of their own, one system disk).</summary>
    public static async Task<RequestIdResponse> ModifySpecAsync(RpcContext ctx)
    {
        var id = ctx.Required("InstanceId", 64);
        var region = ctx.OptionalRegion();
        var typeId = ctx.Required("InstanceType", 64);
        var type = ctx.Catalog.FindInstanceType(typeId) ?? throw new EipException(EcsErrors.InstanceTypeNotSupported(typeId));
        ctx.OptionalBool("AllowMigrateAcrossZone");
        ctx.OptionalBool("Async");
        var dryRun = ctx.OptionalBool("DryRun") ?? false;
        if (ctx.OptionalInt("InternetMaxBandwidthOut", 0, 1024) > 0 || ctx.OptionalInt("InternetMaxBandwidthIn", 0, 1024) > 0)
            throw RpcContext.Invalid("InternetMaxBandwidthOut", "Eipnet's instances have no public bandwidth of their own; associate an EIP instead.");
        ctx.Refuse("SystemDisk.Category", "change the system disk's category with ModifyDiskSpec.");
        ctx.Refuse("ModifyMode", "Eipnet changes a Stopped instance's type only; leave it out.");
        foreach (var field in new[] { "Temporary.StartTime", "Temporary.EndTime", "Temporary.InternetMaxBandwidthOut" })
            ctx.Refuse(field, "Eipnet has no temporary upgrades; leave it out.");
        if (ctx.Parameters.Any(p => p.Key.StartsWith("Disk.", StringComparison.Ordinal) && p.Value.Length > 0))
            throw RpcContext.Invalid("Disk", "Eipnet's instances have a system disk only; leave Disk.N out.");

        return await ctx.Store.WriteAsync(WriteScope.Account(ctx.Account.AccountId, id), async s =>
        {
            var instance = await Find.InstanceAsync(s, ctx, id, region?.RegionId);
            var onInstance = await s.ListAsync<NetworkInterface>(DocQuery.Where("account_id", ctx.Account.AccountId).And("instance_id", id));
            if (OfflineChangeRules.CheckSpec(instance, type, onInstance) is { } error)
                throw new EipException(error);
            if (dryRun)
                throw new EipException(EcsErrors.DryRunOperation());
            // The type sets the limits the API checks; the data plane does not depend on it.
            await s.PutAsync(instance with { InstanceType = type.InstanceTypeId }, forDataPlane: false);
            return new RequestIdResponse(ctx.RequestId);
        }, ctx.Cancellation);
    }

    /// <summary>ReplaceSystemDisk: a new image (and size) for the system disk of a Stopped instance. The disk keeps its id,
    /// name, description, category and tags; the image is not checked against DescribeImages, as at RunInstances.</summary>
    public static async Task<ReplaceSystemDiskResponse> ReplaceSystemDiskAsync(RpcContext ctx)
    {
        var id = ctx.Required("InstanceId", 64);
        var region = ctx.OptionalRegion();
        var imageId = ctx.Required("ImageId", 128);
        var size = ctx.OptionalInt("SystemDisk.Size", SystemDisk.MinSize, SystemDisk.MaxSize);
        ctx.Optional("Password", 30);
        ctx.OptionalBool("PasswordInherit");
        ctx.OneOf("SecurityEnhancementStrategy", "Active", "Deactive");
        ctx.OptionalBool("UseAdditionalService");
        ctx.Optional("Architecture", 16);
        ctx.Optional("Platform", 32);
        ctx.Refuse("KeyPairName", "Eipnet has no key pairs; leave it out.");
        ctx.Refuse("DiskId", "Eipnet replaces the system disk in place; leave DiskId out and give ImageId.");
        if (ctx.OptionalBool("Encrypted") == true || ctx.OptionalBool("SystemDisk.Encrypted") == true)
            throw RpcContext.Invalid("Encrypted", "Eipnet's system disks are plain disks; leave it out.");
        ctx.Refuse("KMSKeyId", "Eipnet's system disks are plain disks; leave it out.");
        ctx.Refuse("EncryptAlgorithm", "Eipnet's system disks are plain disks; leave it out.");
        if (ctx.OptionalBool("ImageOptions.LoginAsNonRoot") == true)
            throw RpcContext.Invalid("ImageOptions.LoginAsNonRoot", "the lab's instances have no login; leave it out.");

        return await ctx.Store.WriteAsync(WriteScope.Account(ctx.Account.AccountId, id), async s =>
        {
            var instance = await Find.InstanceAsync(s, ctx, id, region?.RegionId);
            if (OfflineChangeRules.CheckStopped(instance, "the system disk") is { } error)
                throw new EipException(error);
            await s.PutAsync(instance with { ImageId = imageId, SystemDisk = instance.SystemDisk with { Size = size ?? instance.SystemDisk.Size } },
                forDataPlane: false);
            return new ReplaceSystemDiskResponse(ctx.RequestId, DiskQueries.DiskId(id));
        }, ctx.Cancellation);
    }

    /// <summary>ModifyInstanceVpcAttribute: moves a Stopped instance's primary ENI to another vSwitch (of its VPC, or of the
    /// VPC named by VpcId with the groups of SecurityGroupId.N) or to another private IP. The ENI, its address claims, the
    /// instance and the EIPs mapped to the old primary IP change together, and the data plane is told.</summary>
    public static async Task<RequestIdResponse> ModifyVpcAttributeAsync(RpcContext ctx)
    {
        var id = ctx.Required("InstanceId", 64);
        var region = ctx.OptionalRegion();
        var vSwitchId = ctx.Required("VSwitchId", 64);
        var privateIp = ctx.Optional("PrivateIpAddress", 64);
        if (privateIp is not null && !Ipv4Cidr.TryParseAddress(privateIp, out _))
            throw new EipException(EcsErrors.PrivateIpMalformed("PrivateIpAddress", privateIp));
        var vpcId = ctx.Optional("VpcId", 64);
        var groupIds = SecurityGroupParameters.ReadList(ctx, "SecurityGroupId");
        var dryRun = ctx.OptionalBool("DryRun") ?? false;

        // An instance's primary ENI never changes; the EIPs on it are locked with it, so a concurrent association gets TaskConflict.
        var (primaryId, eipIds) = await ctx.Store.ReadAsync(async s =>
        {
            var instance = await Find.InstanceAsync(s, ctx, id, region?.RegionId);
            var eips = await s.ListAsync<Eip>(DocQuery.Where("account_id", ctx.Account.AccountId).And("eni_id", instance.PrimaryNetworkInterfaceId));
            return (instance.PrimaryNetworkInterfaceId, eips.Select(e => e.AllocationId).ToArray());
        }, ctx.Cancellation);

        return await ctx.Store.WriteAsync(WriteScope.Account(ctx.Account.AccountId, [id, primaryId, .. eipIds]), async s =>
        {
            var instance = await Find.InstanceAsync(s, ctx, id, region?.RegionId);
            var primary = await Find.EniAsync(s, ctx, primaryId, null);
            var target = await Find.VSwitchAsync(s, ctx, vSwitchId, instance.RegionId);
            var changesVpc = vpcId is not null && vpcId != instance.VpcId;
            if (changesVpc)
                await Find.VpcAsync(s, ctx, vpcId!, instance.RegionId);
            var onInstance = await s.ListAsync<NetworkInterface>(DocQuery.Where("account_id", ctx.Account.AccountId).And("instance_id", id));
            if (OfflineChangeRules.CheckVpcMove(instance, primary, target, vpcId, onInstance) is { } error)
                throw new EipException(error);
            if (changesVpc && groupIds.Count == 0)
                throw new EipException(EipError.MissingParameter("SecurityGroupId.1"));
            if (!changesVpc && groupIds.Count > 0)
                throw RpcContext.Invalid("SecurityGroupId.N", "security groups are given only with VpcId, when the instance moves to another VPC; use JoinSecurityGroup and LeaveSecurityGroup otherwise.");
            await SecurityGroupParameters.CheckAsync(s, ctx, groupIds, instance.RegionId, target.VpcId, g => EcsErrors.SecurityGroupVpcMismatch(g.SecurityGroupId, target.VpcId));
            var eips = await s.ListAsync<Eip>(DocQuery.Where("account_id", ctx.Account.AccountId).And("eni_id", primaryId));
            if (eips.Any(e => !eipIds.Contains(e.AllocationId)))
                throw new EipException(EipError.TaskConflict());
            var mapped = eips.Where(e => e.Association?.PrivateIpAddress == primary.PrimaryIpAddress).ToList();
            if (mapped.FirstOrDefault(e => Transitions.IsTransitional(e.Status)) is { } busy)
                throw new EipException(EipError.IncorrectEipStatus(busy.AllocationId, busy.Status.ToString(), "Available or InUse"));

            var newIp = privateIp ?? (target.VSwitchId == primary.VSwitchId ? primary.PrimaryIpAddress : null);
            if (target.VSwitchId == primary.VSwitchId && newIp == primary.PrimaryIpAddress && !changesVpc)
                return dryRun ? throw new EipException(EcsErrors.DryRunOperation()) : new RequestIdResponse(ctx.RequestId);
            await s.ReleasePrivateIpsAsync(primaryId, [primary.PrimaryIpAddress]);
            var ips = await PrivateIpAllocator.OpenAsync(s, target);
            if (newIp is not null && !ips.IsAssignable(newIp))
                throw new EipException(EcsErrors.PrivateIpMismatch(newIp, target.VSwitchId, target.CidrBlock));
            if (newIp is null)
                newIp = await ips.ClaimNextAsync(primaryId) ?? throw new EipException(EcsErrors.PrivateIpsExhausted(target.VSwitchId, 1));
            else if (!await ips.TryClaimAsync(newIp, primaryId))
                throw new EipException(EcsErrors.PrivateIpDuplicated(newIp));
            if (dryRun)
                throw new EipException(EcsErrors.DryRunOperation());

            var revision = await s.RevisionAsync();
            await s.PutAsync(primary with
            {
                VSwitchId = target.VSwitchId, VpcId = target.VpcId, PrimaryIpAddress = newIp,
                SecurityGroupIds = changesVpc ? groupIds : primary.SecurityGroupIds, Revision = revision,
            });
            await s.PutAsync(instance with { VSwitchId = target.VSwitchId, VpcId = target.VpcId, Revision = revision });
            // An EIP on the instance follows its primary private IP, as on Alibaba.
            foreach (var eip in mapped)
                await s.PutAsync(eip with { Association = eip.Association! with { PrivateIpAddress = newIp }, Revision = revision });
            return new RequestIdResponse(ctx.RequestId);
        }, ctx.Cancellation);
    }
}

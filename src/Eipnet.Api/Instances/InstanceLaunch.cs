using Eipnet.Domain.Hosts;
using Eipnet.Api.NetworkInterfaces;
using Eipnet.Api.Rpc;
using Eipnet.Contracts.Instances;
using Eipnet.Domain.Addressing;
using Eipnet.Domain.Errors;
using Eipnet.Domain.Ids;
using Eipnet.Domain.Resources;
using Eipnet.Store;

namespace Eipnet.Api.Instances;

/// <summary>RunInstances (alibaba-api.md §2.10): instances, each with its primary ENI, created in one transaction.</summary>
public static class InstanceLaunch
{
    public static async Task<RunInstancesResponse> RunAsync(RpcContext ctx)
    {
        var region = ctx.Region();
        var imageId = ctx.Optional("ImageId", 128) ?? "";
        var typeId = ctx.Required("InstanceType", 64);
        var type = ctx.Catalog.FindInstanceType(typeId) ?? throw new EipException(EcsErrors.InstanceTypeNotSupported(typeId));
        var zoneId = ctx.Optional("ZoneId", 64);
        var vSwitchId = ctx.Required("VSwitchId", 64);
        var groupIds = SecurityGroupParameters.ReadSingleOrList(ctx);
        var name = ctx.Text("InstanceName", 2, 128) ?? "";
        var hostName = ctx.Text("HostName", 2, 64);
        var description = ctx.Text("Description", 2, 256) ?? "";
        var amount = ctx.OptionalInt("Amount", 1, 100) ?? 1;
        if (ctx.OptionalInt("MinAmount", 1, 100) > amount)
            throw RpcContext.Invalid("MinAmount", "it must not be larger than Amount.");
        var privateIp = PrivateIp(ctx);
        if (privateIp is not null && amount > 1)
            throw RpcContext.Invalid("PrivateIpAddress", "it can only be given when Amount is 1.");
        // Instances are pay-as-you-go and have no internet bandwidth of their own (EIPs carry it): anything else would be shown
        // as what it is not.
        if (ctx.OneOf("InstanceChargeType", "PostPaid", "PrePaid") == "PrePaid")
            throw RpcContext.Invalid("InstanceChargeType", "Eipnet's instances are pay-as-you-go (PostPaid).");
        if (ctx.OneOf("InternetChargeType", "PayByTraffic", "PayByBandwidth") == "PayByBandwidth")
            throw RpcContext.Invalid("InternetChargeType", "Eipnet's instances have no public bandwidth of their own (associate an EIP); use PayByTraffic or leave it out.");
        if (ctx.OptionalInt("InternetMaxBandwidthOut", 0, 100) > 0)
            throw RpcContext.Invalid("InternetMaxBandwidthOut", "Eipnet assigns no static public IPs; leave it 0 and associate an EIP instead.");
        var dryRun = ctx.OptionalBool("DryRun") ?? false;
        var tags = Tags.Read(ctx);
        var resourceGroupId = ResourceGroupParameter.Read(ctx) ?? "";
        var userData = ctx.Optional("UserData", 64 * 1024) ?? "";
        if (userData.Length > 0 && InstanceRules.CheckUserData(userData) is { } badUserData)
            throw new EipException(badUserData);
        var deletionProtection = ctx.OptionalBool("DeletionProtection") ?? false;
        var systemDisk = InstanceSettings.SystemDisk(ctx);
        InstanceSettings.RefuseUnmodelled(ctx);

        var hosts = (await ctx.Store.ListAgentsAsync(ctx.Cancellation)).Select(a => a.Host).ToList();
        return await ctx.Store.WriteAsync(WriteScope.Account(ctx.Account.AccountId), async s =>
        {
            var vsw = await Find.VSwitchAsync(s, ctx, vSwitchId, region.RegionId);
            if (zoneId is not null && zoneId != vsw.ZoneId)
                throw new EipException(EcsErrors.Mismatch($"The vSwitch {vsw.VSwitchId} is in zone {vsw.ZoneId}, not {zoneId}. Omit ZoneId or use a vSwitch of that zone."));
            await SecurityGroupParameters.CheckAsync(s, ctx, groupIds, region.RegionId, vsw.VpcId,
                g => EcsErrors.Mismatch($"The security group {g.SecurityGroupId} is in VPC {g.VpcId}, but the vSwitch {vsw.VSwitchId} is in VPC {vsw.VpcId}."));
            var ips = await PrivateIpAllocator.OpenAsync(s, vsw);
            if (ips.FreeCount < amount)
                throw new EipException(EcsErrors.PrivateIpsExhausted(vsw.VSwitchId, amount));

            var revision = await s.RevisionAsync();
            var ids = new List<string>();
            var load = new Dictionary<string, long>(await s.InstancesPerHostAsync(), StringComparer.Ordinal);
            for (var i = 0; i < amount; i++)
            {
                // With no host registered (the simulated data plane) instances are unplaced; with hosts, one must compute.
                var host = Placement.Choose(hosts, load);
                if (host is null && hosts.Count > 0)
                    throw new EipException(EcsErrors.NoStock(region.RegionId));
                if (host is not null)
                    load[host.Name] = load.GetValueOrDefault(host.Name) + 1;
                var instanceId = ResourceIds.New(ResourceIds.Instance);
                var eniId = ResourceIds.New(ResourceIds.NetworkInterface);
                var ip = privateIp is null ? await NextIpAsync(ips, eniId) : await RequestedIpAsync(ips, privateIp, eniId);
                var eni = new NetworkInterface(
                    eniId, ctx.Account.AccountId, region.RegionId, vsw.ZoneId, vsw.VpcId, vsw.VSwitchId, EniType.Primary, EniStatus.InUse,
                    instanceId, 0, await MacAddresses.NewAsync(s), ip, [], groupIds, "", "", true, ctx.Now, revision);
                // Pending until the data plane has applied this revision; the reconciler then makes it Running.
                var instance = new Instance(
                    instanceId, ctx.Account.AccountId, region.RegionId, vsw.ZoneId, vsw.VpcId, vsw.VSwitchId, type.InstanceTypeId, imageId,
                    name, hostName ?? DefaultHostName(instanceId), description, InstanceStatus.Pending, eniId, ctx.Now, null, revision)
                {
                    Tags = tags, ResourceGroupId = resourceGroupId, UserData = userData, DeletionProtection = deletionProtection, SystemDisk = systemDisk,
                    Host = host?.Name ?? "",
                };
                await s.PutAsync(eni);
                await s.PutAsync(instance);
                ids.Add(instanceId);
            }
            // Everything was checked and written; throwing rolls the transaction back, so a dry run changes nothing.
            if (dryRun)
                throw new EipException(EcsErrors.DryRunOperation());
            return new RunInstancesResponse(ctx.RequestId, new InstanceIdSetList(ids), "", 0.0);
        }, ctx.Cancellation);
    }

    private static string? PrivateIp(RpcContext ctx)
    {
        var value = ctx.Optional("PrivateIpAddress", 64);
        if (value is null)
            return null;
        return Ipv4Cidr.TryParseAddress(value, out _) ? value : throw new EipException(EcsErrors.PrivateIpMalformed("PrivateIpAddress", value));
    }

    private static async Task<string> RequestedIpAsync(PrivateIpAllocator ips, string ip, string eniId)
    {
        if (!ips.IsAssignable(ip))
            throw new EipException(EcsErrors.PrivateIpNotInVSwitch(ip, ips.VSwitch.VSwitchId, ips.VSwitch.CidrBlock));
        if (!await ips.TryClaimAsync(ip, eniId))
            throw new EipException(EcsErrors.PrivateIpDuplicated(ip));
        return ip;
    }

    private static async Task<string> NextIpAsync(PrivateIpAllocator ips, string eniId) =>
        await ips.ClaimNextAsync(eniId) ?? throw new EipException(EcsErrors.PrivateIpsExhausted(ips.VSwitch.VSwitchId, 1));

    /// <summary>Alibaba's default host name form, iZ&lt;id&gt;Z.</summary>
    private static string DefaultHostName(string instanceId) => "iZ" + instanceId[ResourceIds.Instance.Length..] + "Z";
}

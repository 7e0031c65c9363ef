using Eipnet.Api.Rpc;
using Eipnet.Contracts.Common;
using Eipnet.Contracts.NetworkInterfaces;
using Eipnet.Domain.Attachments;
using Eipnet.Domain.Errors;
using Eipnet.Domain.Ids;
using Eipnet.Domain.Resources;
using Eipnet.Store;
using Eipnet.Store.Queries;

namespace Eipnet.Api.NetworkInterfaces;

/// <summary>CreateNetworkInterface, DeleteNetworkInterface and ModifyNetworkInterfaceAttribute (alibaba-api.md §2.1, §2.2, §2.8).</summary>
public static class EniLifecycle
{
    /// <summary>Secondary ENIs per account per region (alibaba-api.md §4.3).</summary>
    public const int SecondaryEnisPerRegion = 100;

    public const int MaxSecondaryIpsAtCreation = 10;

    public static async Task<CreateNetworkInterfaceResponse> CreateAsync(RpcContext ctx)
    {
        var region = ctx.Region();
        var vSwitchId = ctx.Required("VSwitchId", 64);
        var groupIds = SecurityGroupParameters.ReadSingleOrList(ctx);
        var primaryIp = ctx.OptionalIpv4("PrimaryIpAddress")?.ToString();
        var secondaryIps = PrivateIpParameters.List(ctx, "PrivateIpAddress", MaxSecondaryIpsAtCreation, primaryIp is null ? [] : [primaryIp]);
        var secondaryCount = ctx.OptionalInt("SecondaryPrivateIpAddressCount", 1, AttachmentRules.MaxSecondaryIpsWhenAvailable);
        if (secondaryIps.Count > 0 && secondaryCount is not null)
            throw new EipException(EcsErrors.Conflict("PrivateIpAddress.N", "SecondaryPrivateIpAddressCount"));
        var name = ctx.Text("NetworkInterfaceName", 2, 128) ?? "";
        var description = ctx.Text("Description", 2, 256) ?? "";
        var deleteOnRelease = ctx.OptionalBool("DeleteOnRelease") ?? false;
        ctx.OneOf("InstanceType", "Secondary");
        ctx.OneOf("NetworkInterfaceTrafficMode", "Standard");
        ReadQueueNumber(ctx);
        var sourceDestCheck = ctx.OptionalBool("SourceDestCheck") ?? false;
        var tags = Tags.Read(ctx);
        var resourceGroupId = ResourceGroupParameter.Read(ctx) ?? "";
        // What Eipnet does not have is refused rather than dropped.
        if (ctx.RepeatList("Ipv6Address", 10).Count > 0 || ctx.Optional("Ipv6AddressCount", 8) is not null)
            throw RpcContext.Invalid("Ipv6Address", "Eipnet has no IPv6; leave it out.");
        if (ctx.RepeatList("Ipv4Prefix", 10).Count > 0 || ctx.Optional("Ipv4PrefixCount", 8) is not null)
            throw RpcContext.Invalid("Ipv4Prefix", "Eipnet assigns single private addresses, not prefixes; use PrivateIpAddress.N or SecondaryPrivateIpAddressCount.");

        return await ctx.Store.WriteAsync(WriteScope.Account(ctx.Account.AccountId), async s =>
        {
            var vsw = await Find.VSwitchAsync(s, ctx, vSwitchId, region.RegionId);
            await SecurityGroupParameters.CheckAsync(s, ctx, groupIds, region.RegionId, vsw.VpcId, g => EcsErrors.SecurityGroupVpcMismatch(g.SecurityGroupId, vsw.VpcId));
            var secondaries = await s.CountAsync<NetworkInterface>(DocQuery.Where("account_id", ctx.Account.AccountId)
                .And("region_id", region.RegionId).And("type", nameof(EniType.Secondary)));
            if (secondaries >= SecondaryEnisPerRegion)
                throw new EipException(EcsErrors.NetworkInterfaceQuotaExceeded(SecondaryEnisPerRegion, region.RegionId));

            var eniId = ResourceIds.New(ResourceIds.NetworkInterface);
            var ips = await PrivateIpAllocator.OpenAsync(s, vsw);
            // Requested addresses first, so an automatic pick cannot take one the caller named.
            foreach (var ip in secondaryIps.Prepend(primaryIp).OfType<string>())
                await ClaimRequestedAsync(ips, ip, eniId);
            var primary = primaryIp ?? await ClaimNextAsync(ips, eniId);
            var automatic = new List<string>();
            for (var i = 0; i < (secondaryCount ?? 0); i++)
                automatic.Add(await ClaimNextAsync(ips, eniId));

            var eni = new NetworkInterface(
                eniId, ctx.Account.AccountId, region.RegionId, vsw.ZoneId, vsw.VpcId, vsw.VSwitchId, EniType.Secondary, EniStatus.Available,
                null, 0, await MacAddresses.NewAsync(s), primary, [.. secondaryIps, .. automatic], groupIds, name, description, deleteOnRelease,
                ctx.Now, await s.RevisionAsync())
            {
                Tags = tags, ResourceGroupId = resourceGroupId, SourceDestCheck = sourceDestCheck,
            };
            await s.PutAsync(eni);
            return EniView.Created(ctx.RequestId, eni);
        }, ctx.Cancellation);
    }

    /// <summary>QueueNumber: Eipnet's interfaces have one queue; asking for more is refused rather than ignored.</summary>
    private static void ReadQueueNumber(RpcContext ctx)
    {
        if (ctx.OptionalInt("QueueNumber", 1, 2048) is > 1)
            throw RpcContext.Invalid("QueueNumber", "Eipnet's network interfaces have one queue; leave it out or give 1.");
    }

    /// <summary>Claims an address the caller named: IpInvalid outside the vSwitch's assignable range, Duplicated when taken.</summary>
    private static async Task ClaimRequestedAsync(PrivateIpAllocator ips, string ip, string eniId)
    {
        if (!ips.IsAssignable(ip))
            throw new EipException(EcsErrors.IpInvalid(ip, ips.VSwitch.VSwitchId, ips.VSwitch.CidrBlock));
        if (!await ips.TryClaimAsync(ip, eniId))
            throw new EipException(EcsErrors.PrivateIpDuplicated(ip));
    }

    /// <summary>Claims the lowest free address of the vSwitch; InvalidVSwitchId.IpNotEnough when none is left.</summary>
    internal static async Task<string> ClaimNextAsync(PrivateIpAllocator ips, string eniId) =>
        await ips.ClaimNextAsync(eniId) ?? throw new EipException(EcsErrors.IpNotEnough(ips.VSwitch.VSwitchId));

    public static async Task<RequestIdResponse> DeleteAsync(RpcContext ctx)
    {
        var region = ctx.Region();
        var id = ctx.Required("NetworkInterfaceId", 64);
        return await ctx.Store.WriteAsync(WriteScope.Account(ctx.Account.AccountId, id), async s =>
        {
            var eni = await Find.EniAsync(s, ctx, id, region.RegionId);
            if (eni.Type != EniType.Secondary)
                throw new EipException(EcsErrors.PrimaryEniNotAllowed(id));
            if (eni.Status != EniStatus.Available)
                throw new EipException(EcsErrors.InvalidEniState(id, eni.Status.ToString(), "Available (detach it from its instance first)"));
            // SPEC: an ENI with EIPs cannot be deleted until they are unassociated; nothing is dropped silently.
            var eips = await s.ListAsync<Eip>(DocQuery.Where("eni_id", id));
            if (eips.Count > 0)
                throw new EipException(EipError.EniLinked(
                    $"The network interface {id} still has EIPs ({string.Join(", ", eips.Select(e => $"{e.AllocationId} {e.IpAddress}"))}). Unassociate them (UnassociateEipAddress) before deleting it."));
            await s.ReleasePrivateIpsAsync(id);
            await s.DeleteAsync<NetworkInterface>(id);
            return new RequestIdResponse(ctx.RequestId);
        }, ctx.Cancellation);
    }

    public static async Task<RequestIdResponse> ModifyAttributeAsync(RpcContext ctx)
    {
        var region = ctx.Region();
        var id = ctx.Required("NetworkInterfaceId", 64);
        // Sent empty, a name or description is cleared (Terraform sends "" when a user removes one).
        var name = ctx.TextOrCleared("NetworkInterfaceName", 2, 128);
        var description = ctx.TextOrCleared("Description", 2, 255);
        var groupIds = SecurityGroupParameters.ReadList(ctx, "SecurityGroupId");
        var deleteOnRelease = ctx.OptionalBool("DeleteOnRelease");
        ReadQueueNumber(ctx);
        var sourceDestCheck = ctx.OptionalBool("SourceDestCheck");

        return await ctx.Store.WriteAsync(WriteScope.Account(ctx.Account.AccountId, id), async s =>
        {
            var eni = await Find.EniAsync(s, ctx, id, region.RegionId);
            if (groupIds.Count > 0)
                await SecurityGroupParameters.CheckAsync(s, ctx, groupIds, region.RegionId, eni.VpcId, g => SecurityGroupErrors.EniVpcMismatch(g.SecurityGroupId, id));
            var groupsChanged = groupIds.Count > 0 && !groupIds.SequenceEqual(eni.SecurityGroupIds, StringComparer.Ordinal);
            var updated = eni with
            {
                NetworkInterfaceName = name ?? eni.NetworkInterfaceName,
                Description = description ?? eni.Description,
                SecurityGroupIds = groupsChanged ? groupIds : eni.SecurityGroupIds,
                DeleteOnRelease = deleteOnRelease ?? eni.DeleteOnRelease,
                SourceDestCheck = sourceDestCheck ?? eni.SourceDestCheck,
            };
            // Only the groups matter to the data plane (its filters); names and flags are bookkeeping.
            await s.PutAsync(updated, forDataPlane: groupsChanged);
            return new RequestIdResponse(ctx.RequestId);
        }, ctx.Cancellation);
    }
}

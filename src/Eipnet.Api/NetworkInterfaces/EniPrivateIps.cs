using Eipnet.Api.Rpc;
using Eipnet.Contracts.Common;
using Eipnet.Contracts.NetworkInterfaces;
using Eipnet.Domain.Attachments;
using Eipnet.Domain.Errors;
using Eipnet.Domain.Resources;
using Eipnet.Store;
using Eipnet.Store.Queries;

namespace Eipnet.Api.NetworkInterfaces;

/// <summary>AssignPrivateIpAddresses and UnassignPrivateIpAddresses (alibaba-api.md §2.5, §2.6, SPEC).</summary>
public static class EniPrivateIps
{
    public static async Task<AssignPrivateIpAddressesResponse> AssignAsync(RpcContext ctx)
    {
        var region = ctx.Region();
        var id = ctx.Required("NetworkInterfaceId", 64);
        var requested = PrivateIpParameters.List(ctx, "PrivateIpAddress", AttachmentRules.MaxSecondaryIpsWhenAvailable);
        var count = ctx.OptionalInt("SecondaryPrivateIpAddressCount", 1, AttachmentRules.MaxSecondaryIpsWhenAvailable);
        if (requested.Count > 0 && count is not null)
            throw new EipException(EcsErrors.Conflict("PrivateIpAddress.N", "SecondaryPrivateIpAddressCount"));
        if (requested.Count == 0 && count is null)
            throw new EipException(EipError.MissingParameter("SecondaryPrivateIpAddressCount"));

        return await ctx.Store.WriteAsync(WriteScope.Account(ctx.Account.AccountId, id), async s =>
        {
            var eni = await UsableEniAsync(s, ctx, id, region.RegionId);
            var instance = eni.InstanceId is null ? null : await Find.InstanceAsync(s, ctx, eni.InstanceId, null);
            var (limit, where) = AttachmentRules.PrivateIpLimit(instance is null ? null : EniAttachments.TypeOf(ctx, instance));
            var total = eni.PrivateIpCount + (count ?? requested.Count);
            if (total > limit)
                throw new EipException(EcsErrors.Ipv4CountExceeded(id, total, limit, where));

            var vsw = await Find.VSwitchAsync(s, ctx, eni.VSwitchId, null);
            var ips = await PrivateIpAllocator.OpenAsync(s, vsw);
            var added = new List<string>();
            foreach (var ip in requested)
            {
                if (eni.HasPrivateIp(ip))
                    throw new EipException(EcsErrors.IpAssigned(ip));
                if (!ips.IsAssignable(ip))
                    throw new EipException(EcsErrors.IpInvalid(ip, vsw.VSwitchId, vsw.CidrBlock));
                if (!await ips.TryClaimAsync(ip, id))
                    throw new EipException(EcsErrors.IpAssigned(ip));
                added.Add(ip);
            }
            for (var i = 0; i < (count ?? 0); i++)
                added.Add(await EniLifecycle.ClaimNextAsync(ips, id));

            await s.PutAsync(eni with { SecondaryIpAddresses = [.. eni.SecondaryIpAddresses, .. added] });
            return new AssignPrivateIpAddressesResponse(ctx.RequestId,
                new AssignedPrivateIpAddressesSet(id, new AssignedPrivateIpList(added), new AssignedIpv4PrefixList([])));
        }, ctx.Cancellation);
    }

    public static async Task<RequestIdResponse> UnassignAsync(RpcContext ctx)
    {
        var region = ctx.Region();
        var id = ctx.Required("NetworkInterfaceId", 64);
        var ips = PrivateIpParameters.List(ctx, "PrivateIpAddress", AttachmentRules.MaxSecondaryIpsWhenAvailable);
        if (ips.Count == 0)
            throw new EipException(EipError.MissingParameter("PrivateIpAddress.1"));

        return await ctx.Store.WriteAsync(WriteScope.Account(ctx.Account.AccountId, id), async s =>
        {
            var eni = await UsableEniAsync(s, ctx, id, region.RegionId);
            foreach (var ip in ips)
            {
                if (ip == eni.PrimaryIpAddress)
                    throw new EipException(EcsErrors.IpUnassigned(ip, id, "it is the primary private IP, which stays with the ENI for its lifetime."));
                if (!eni.SecondaryIpAddresses.Contains(ip))
                    throw new EipException(EcsErrors.IpUnassigned(ip, id, "it is not a secondary private IP of this network interface."));
            }
            // SPEC: a private IP with an EIP cannot be unassigned until the EIP is unassociated.
            var linked = await s.ListAsync<Eip>(DocQuery.Where("eni_id", id).AndIn("private_ip", ips));
            if (linked.Count > 0)
                throw new EipException(EipError.EniLinked(
                    $"The private IP {linked[0].Association!.PrivateIpAddress} of {id} has the EIP {linked[0].AllocationId} ({linked[0].IpAddress}). Unassociate it (UnassociateEipAddress) before unassigning the address."));
            await s.ReleasePrivateIpsAsync(id, ips);
            await s.PutAsync(eni with { SecondaryIpAddresses = eni.SecondaryIpAddresses.Except(ips, StringComparer.Ordinal).ToList() });
            return new RequestIdResponse(ctx.RequestId);
        }, ctx.Cancellation);
    }

    /// <summary>The ENI, if its addresses may change now: Available or InUse, and a primary ENI's instance Running or Stopped.</summary>
    private static async Task<NetworkInterface> UsableEniAsync(IStoreSession s, RpcContext ctx, string id, string regionId)
    {
        var eni = await Find.EniAsync(s, ctx, id, regionId);
        if (eni.Status is not (EniStatus.Available or EniStatus.InUse))
            throw new EipException(EcsErrors.InvalidEniState(id, eni.Status.ToString(), "Available or InUse"));
        if (eni.Type == EniType.Primary && eni.InstanceId is { } instanceId)
        {
            var instance = await Find.InstanceAsync(s, ctx, instanceId, null);
            if (instance.Status is not (InstanceStatus.Running or InstanceStatus.Stopped))
                throw new EipException(EcsErrors.InvalidEcsState(instanceId, instance.Status.ToString(), "Running or Stopped"));
        }
        return eni;
    }
}

using System.Text.Json;
using Eipnet.Cli.Client;
using Eipnet.Domain.Addressing;

namespace Eipnet.Cli.Guest;

/// <summary>Reads an instance's ENIs and EIPs through the API, as any client would, into <see cref="GuestNic"/>s.</summary>
public static class GuestReader
{
    public static async Task<IReadOnlyList<GuestNic>> ReadAsync(ApiClient client, string regionId, string instanceId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        var enis = (await client.CallAsync(ApiClient.EcsVersion, "DescribeNetworkInterfaces", [("RegionId", regionId), ("InstanceId", instanceId), ("PageSize", "100")], ct))
            .GetProperty("NetworkInterfaceSets").GetProperty("NetworkInterfaceSet").EnumerateArray().Select(e => e.Clone()).ToList();
        if (enis.Count == 0)
            throw new GuestConfigException($"{instanceId} has no ENIs in {regionId} (is it an instance of this account and region?).");
        var eips = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var body = await client.CallAsync(ApiClient.VpcVersion, "DescribeEipAddresses", [("RegionId", regionId), ("PageSize", "100"), ("PageNumber", page.ToString(System.Globalization.CultureInfo.InvariantCulture))], ct);
            var items = body.GetProperty("EipAddresses").GetProperty("EipAddress").EnumerateArray().Select(e => e.Clone()).ToList();
            eips.AddRange(items.Where(e => e.GetProperty("Status").GetString() is "InUse" or "Associating"));
            if (items.Count < 100)
                break;
        }
        var nics = new List<GuestNic>();
        foreach (var eni in enis)
        {
            var id = eni.GetProperty("NetworkInterfaceId").GetString()!;
            var primary = eni.GetProperty("Type").GetString() == "Primary";
            var index = eni.TryGetProperty("Attachment", out var attachment) ? attachment.GetProperty("DeviceIndex").GetInt32() : primary ? 0 : nics.Count + 1;
            var vSwitch = (await client.CallAsync(ApiClient.VpcVersion, "DescribeVSwitches", [("RegionId", regionId), ("VSwitchId", eni.GetProperty("VSwitchId").GetString()!)], ct))
                .GetProperty("VSwitches").GetProperty("VSwitch")[0].GetProperty("CidrBlock").GetString()!;
            Ipv4Cidr.TryParse(vSwitch, out var cidr);
            var gateway = Ipv4Cidr.Format(VSwitchAddressing.Gateway(cidr!.Value));
            var privateIps = eni.GetProperty("PrivateIpSets").GetProperty("PrivateIpSet").EnumerateArray()
                .OrderByDescending(p => p.GetProperty("Primary").GetBoolean()).Select(p => p.GetProperty("PrivateIpAddress").GetString()!).ToList();
            var mine = eips.Where(e => e.GetProperty("InstanceId").GetString() == id
                || (primary && e.GetProperty("InstanceType").GetString() == "EcsInstance" && e.GetProperty("InstanceId").GetString() == instanceId)).ToList();
            var mode = mine.Count == 0 ? "none" : mine[0].GetProperty("Mode").GetString() switch
            {
                "BINDED" => "cut-through",
                "MULTI_BINDED" => "multi-eip",
                _ => "nat",
            };
            var eipAddresses = mine.Select(e => e.GetProperty("IpAddress").GetString()!).Order(StringComparer.Ordinal).ToList();
            var mac = eni.GetProperty("MacAddress").GetString()!;
            var prefix = "/" + cidr.Value.PrefixLength;
            nics.Add(mode switch
            {
                // Cut-through: DHCP gives the EIP with its pool's mask and gateway; the private IP is not the guest's.
                "cut-through" => CutThrough(id, mac, index, eipAddresses),
                "multi-eip" => await MultiEipAsync(client, regionId, id, mac, index, privateIps, prefix, gateway, ct),
                _ => new GuestNic(id, mac, index, mode, privateIps.Select(p => p + prefix).ToList(), primary, gateway, privateIps, eipAddresses),
            });
        }
        return nics;
    }

    /// <summary>Cut-through: DHCP gives the EIP itself. The API does not publish a cut-through EIP's mask and gateway
    /// (DescribeEipGatewayInfo answers for multi-EIP ENIs only); the lab's DHCP stand-in gives the pool's /24 and its
    /// first host, and so does this.</summary>
    private static GuestNic CutThrough(string eniId, string mac, int index, List<string> eips)
    {
        Ipv4Cidr.TryParseAddress(eips[0], out var a);
        return new GuestNic(eniId, mac, index, "cut-through", [eips[0] + "/24"], true, Ipv4Cidr.Format((a & 0xFFFFFF00u) + 1), [eips[0]], eips);
    }

    private static async Task<GuestNic> MultiEipAsync(ApiClient client, string regionId, string eniId, string mac, int index, List<string> privateIps, string prefix,
        string gateway, CancellationToken ct)
    {
        var infos = (await client.CallAsync(ApiClient.VpcVersion, "DescribeEipGatewayInfo", [("RegionId", regionId), ("InstanceId", eniId)], ct))
            .GetProperty("EipInfos").GetProperty("EipInfo").EnumerateArray()
            .Select(e => (Ip: e.GetProperty("Ip").GetString()!, Gateway: e.GetProperty("IpGw").GetString()!, Mask: e.GetProperty("IpMask").GetString()!))
            .OrderBy(e => e.Ip, StringComparer.Ordinal).ToList();
        var addresses = privateIps.Select(p => p + prefix).Concat(infos.Select(i => $"{i.Ip}/{PrefixLength(i.Mask)}")).ToList();
        // The ENI's table routes through the gateway DescribeEipGatewayInfo gives (its EIPs' gateway), on-link.
        return new GuestNic(eniId, mac, index, "multi-eip", addresses, false, infos.Count > 0 ? infos[0].Gateway : gateway,
            [.. privateIps, .. infos.Select(i => i.Ip)], infos.Select(i => i.Ip).ToList());
    }

    private static int PrefixLength(string mask) =>
        mask.Split('.').Select(b => System.Numerics.BitOperations.PopCount(byte.Parse(b, System.Globalization.CultureInfo.InvariantCulture))).Sum();
}

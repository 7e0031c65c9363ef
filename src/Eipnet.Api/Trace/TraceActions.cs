using Eipnet.Api.Rpc;
using Eipnet.Contracts.Trace;
using Eipnet.DataPlane;
using Eipnet.DataPlane.Linux;
using Eipnet.DataPlane.Trace;
using Eipnet.Domain.Resources;
using Eipnet.Store.Queries;

namespace Eipnet.Api.Trace;

/// <summary>TracePacket (VPC product, an Eipnet extension): explains what the data plane does with a packet, from the
/// caller's intent in one region (their EIPs, ENIs, instances, groups, vSwitches).</summary>
public static class TraceActions
{
    public static void Register(ActionTable table) =>
        table.Add(RpcAction.Read(Products.Vpc, "TracePacket", TraceAsync, TraceJsonContext.Default.TracePacketResponse));

    public static async Task<TracePacketResponse> TraceAsync(RpcContext ctx)
    {
        var region = ctx.Region();
        var from = ctx.OptionalIpv4("From")?.ToString() ?? throw RpcContext.Invalid("From", "give the packet's source IPv4 address.");
        var to = ctx.OptionalIpv4("To")?.ToString() ?? throw RpcContext.Invalid("To", "give the packet's destination IPv4 address.");
        var protocol = ctx.OneOf("Protocol", "tcp", "udp", "icmp") ?? throw RpcContext.Invalid("Protocol", "give tcp, udp or icmp.");
        var port = ctx.OptionalInt("Port", 1, 65535);
        if (protocol != "icmp" && port is null)
            throw RpcContext.Invalid("Port", $"a {protocol} packet needs its destination port (1-65535).");

        var mine = DocQuery.Where("account_id", ctx.Account.AccountId).And("region_id", region.RegionId);
        var changes = await ctx.Store.ReadAsync(async s => new DesiredChanges(0, true,
            await s.ListAsync<Eip>(mine), await s.ListAsync<NetworkInterface>(mine), await s.ListAsync<Instance>(mine),
            await s.ListAsync<SecurityGroup>(mine), await s.ListAsync<VSwitch>(mine), await s.ListAsync<Vpc>(mine), []), ctx.Cancellation);
        var state = new DesiredState();
        state.Apply(changes);
        var result = PacketTracer.Trace(state, new TracePacket(from, to, protocol, port));
        return new TracePacketResponse(ctx.RequestId, result.Verdict,
            new TraceStepList(result.Steps.Select(s => new TraceStepItem(s.Stage, s.Detail)).ToList()),
            new TraceWarningList(result.Warnings),
            result.EipAddress ?? "", result.Mode ?? "", result.NetworkInterfaceId ?? "", result.InstanceId ?? "", result.SecurityGroupRuleId ?? "");
    }
}

using Eipnet.Api.Rpc;
using Eipnet.Contracts.Common;
using Eipnet.Contracts.NetworkInterfaces;

namespace Eipnet.Api.NetworkInterfaces;

/// <summary>The ECS API's elastic network interface actions.</summary>
public static class NetworkInterfaceActions
{
    public static void Register(ActionTable table)
    {
        var common = CommonJsonContext.Default;
        var enis = NetworkInterfaceJsonContext.Default;
        table.Add(RpcAction.Write(Products.Ecs, "CreateNetworkInterface", EniLifecycle.CreateAsync, enis.CreateNetworkInterfaceResponse))
            .Add(RpcAction.Write(Products.Ecs, "DeleteNetworkInterface", EniLifecycle.DeleteAsync, common.RequestIdResponse))
            .Add(RpcAction.Write(Products.Ecs, "ModifyNetworkInterfaceAttribute", EniLifecycle.ModifyAttributeAsync, common.RequestIdResponse))
            .Add(RpcAction.Write(Products.Ecs, "AttachNetworkInterface", EniAttachments.AttachAsync, common.RequestIdResponse))
            .Add(RpcAction.Write(Products.Ecs, "DetachNetworkInterface", EniAttachments.DetachAsync, common.RequestIdResponse))
            .Add(RpcAction.Write(Products.Ecs, "AssignPrivateIpAddresses", EniPrivateIps.AssignAsync, enis.AssignPrivateIpAddressesResponse))
            .Add(RpcAction.Write(Products.Ecs, "UnassignPrivateIpAddresses", EniPrivateIps.UnassignAsync, common.RequestIdResponse))
            .Add(RpcAction.Read(Products.Ecs, "DescribeNetworkInterfaces", EniQueries.DescribeAsync, enis.DescribeNetworkInterfacesResponse));
    }
}

using Eipnet.Api.Rpc;
using Eipnet.Contracts.Common;
using Eipnet.Contracts.Eips;

namespace Eipnet.Api.Eips;

/// <summary>The VPC API's EIP actions.</summary>
public static class EipActions
{
    public static void Register(ActionTable table)
    {
        var common = CommonJsonContext.Default;
        var eips = EipJsonContext.Default;
        table.Add(RpcAction.Write(Products.Vpc, "AllocateEipAddress", EipAllocation.AllocateAsync, eips.AllocateEipAddressResponse))
            .Add(RpcAction.Write(Products.Vpc, "ReleaseEipAddress", EipAllocation.ReleaseAsync, common.RequestIdResponse))
            .Add(RpcAction.Write(Products.Vpc, "ModifyEipAddressAttribute", EipAllocation.ModifyAttributeAsync, common.RequestIdResponse))
            .Add(RpcAction.Write(Products.Vpc, "DeletionProtection", EipProtection.SetAsync, common.RequestIdResponse))
            .Add(RpcAction.Write(Products.Vpc, "AssociateEipAddress", EipAssociations.AssociateAsync, common.RequestIdResponse))
            .Add(RpcAction.Write(Products.Vpc, "UnassociateEipAddress", EipAssociations.UnassociateAsync, common.RequestIdResponse))
            .Add(RpcAction.Write(Products.Vpc, "ModifyEipForwardMode", EipAssociations.ModifyForwardModeAsync, common.RequestIdResponse))
            .Add(RpcAction.Read(Products.Vpc, "DescribeEipAddresses", EipQueries.DescribeAsync, eips.DescribeEipAddressesResponse))
            .Add(RpcAction.Read(Products.Vpc, "DescribeEipGatewayInfo", EipQueries.GatewayInfoAsync, eips.DescribeEipGatewayInfoResponse))
            .Add(RpcAction.Read(Products.Vpc, "DescribeEipMonitorData", EipMonitoring.DescribeAsync, eips.DescribeEipMonitorDataResponse));
    }
}

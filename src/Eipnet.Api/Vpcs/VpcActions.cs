using Eipnet.Api.Rpc;
using Eipnet.Contracts.Common;
using Eipnet.Contracts.Vpcs;

namespace Eipnet.Api.Vpcs;

/// <summary>The VPC API's VPC, vSwitch and route table actions.</summary>
public static class VpcActions
{
    public static void Register(ActionTable table)
    {
        var common = CommonJsonContext.Default;
        var vpcs = VpcJsonContext.Default;
        table.Add(RpcAction.Write(Products.Vpc, "CreateVpc", VpcNetworking.CreateVpcAsync, vpcs.CreateVpcResponse))
            .Add(RpcAction.Write(Products.Vpc, "DeleteVpc", VpcNetworking.DeleteVpcAsync, common.RequestIdResponse))
            .Add(RpcAction.Write(Products.Vpc, "ModifyVpcAttribute", VpcAttributes.ModifyVpcAsync, common.RequestIdResponse))
            .Add(RpcAction.Write(Products.Vpc, "CreateVSwitch", VpcNetworking.CreateVSwitchAsync, vpcs.CreateVSwitchResponse))
            .Add(RpcAction.Write(Products.Vpc, "DeleteVSwitch", VpcNetworking.DeleteVSwitchAsync, common.RequestIdResponse))
            .Add(RpcAction.Write(Products.Vpc, "ModifyVSwitchAttribute", VpcAttributes.ModifyVSwitchAsync, common.RequestIdResponse))
            .Add(RpcAction.Read(Products.Vpc, "DescribeVpcs", VpcQueries.DescribeVpcsAsync, vpcs.DescribeVpcsResponse))
            .Add(RpcAction.Read(Products.Vpc, "DescribeVpcAttribute", VpcQueries.DescribeVpcAttributeAsync, vpcs.DescribeVpcAttributeResponse))
            .Add(RpcAction.Read(Products.Vpc, "DescribeVSwitches", VpcQueries.DescribeVSwitchesAsync, vpcs.DescribeVSwitchesResponse))
            .Add(RpcAction.Read(Products.Vpc, "DescribeVSwitchAttributes", VpcQueries.DescribeVSwitchAttributesAsync, vpcs.DescribeVSwitchAttributesResponse))
            .Add(RpcAction.Read(Products.Vpc, "DescribeRouteTableList", RouteTableQueries.DescribeRouteTableListAsync, vpcs.DescribeRouteTableListResponse))
            .Add(RpcAction.Write(Products.Vpc, "ModifyRouteTableAttributes", RouteTableQueries.ModifyRouteTableAttributesAsync, common.RequestIdResponse));
    }
}

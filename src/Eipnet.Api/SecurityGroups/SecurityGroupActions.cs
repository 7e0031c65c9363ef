using Eipnet.Api.Rpc;
using Eipnet.Contracts.Common;
using Eipnet.Contracts.SecurityGroups;

namespace Eipnet.Api.SecurityGroups;

/// <summary>The ECS API's security group actions.</summary>
public static class SecurityGroupActions
{
    public static void Register(ActionTable table)
    {
        var common = CommonJsonContext.Default;
        var groups = SecurityGroupJsonContext.Default;
        table.Add(RpcAction.Write(Products.Ecs, "CreateSecurityGroup", SecurityGroupLifecycle.CreateAsync, groups.CreateSecurityGroupResponse))
            .Add(RpcAction.Write(Products.Ecs, "DeleteSecurityGroup", SecurityGroupLifecycle.DeleteAsync, common.RequestIdResponse))
            .Add(RpcAction.Write(Products.Ecs, "ModifySecurityGroupAttribute", SecurityGroupAttributes.ModifyAttributeAsync, common.RequestIdResponse))
            .Add(RpcAction.Write(Products.Ecs, "ModifySecurityGroupPolicy", SecurityGroupAttributes.ModifyPolicyAsync, common.RequestIdResponse))
            .Add(RpcAction.Write(Products.Ecs, "ModifySecurityGroupRule", SecurityGroupAttributes.ModifyIngressRuleAsync, common.RequestIdResponse))
            .Add(RpcAction.Write(Products.Ecs, "ModifySecurityGroupEgressRule", SecurityGroupAttributes.ModifyEgressRuleAsync, common.RequestIdResponse))
            .Add(RpcAction.Write(Products.Ecs, "AuthorizeSecurityGroup", SecurityGroupPermissions.AuthorizeIngressAsync, common.RequestIdResponse))
            .Add(RpcAction.Write(Products.Ecs, "AuthorizeSecurityGroupEgress", SecurityGroupPermissions.AuthorizeEgressAsync, common.RequestIdResponse))
            .Add(RpcAction.Write(Products.Ecs, "RevokeSecurityGroup", SecurityGroupPermissions.RevokeIngressAsync, common.RequestIdResponse))
            .Add(RpcAction.Write(Products.Ecs, "RevokeSecurityGroupEgress", SecurityGroupPermissions.RevokeEgressAsync, common.RequestIdResponse))
            .Add(RpcAction.Write(Products.Ecs, "JoinSecurityGroup", SecurityGroupMembership.JoinAsync, common.RequestIdResponse))
            .Add(RpcAction.Write(Products.Ecs, "LeaveSecurityGroup", SecurityGroupMembership.LeaveAsync, common.RequestIdResponse))
            .Add(RpcAction.Read(Products.Ecs, "DescribeSecurityGroups", SecurityGroupQueries.DescribeAsync, groups.DescribeSecurityGroupsResponse))
            .Add(RpcAction.Read(Products.Ecs, "DescribeSecurityGroupAttribute", SecurityGroupQueries.DescribeAttributeAsync, groups.DescribeSecurityGroupAttributeResponse));
    }
}

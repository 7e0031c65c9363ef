using Eipnet.Api.Rpc;
using Eipnet.Contracts.Common;
using Eipnet.Contracts.Instances;

namespace Eipnet.Api.Instances;

/// <summary>The ECS API's instance actions (the minimal surface of alibaba-api.md §2.10).</summary>
public static class InstanceActions
{
    public static void Register(ActionTable table)
    {
        var common = CommonJsonContext.Default;
        var instances = InstanceJsonContext.Default;
        table.Add(RpcAction.Write(Products.Ecs, "RunInstances", InstanceLaunch.RunAsync, instances.RunInstancesResponse))
            .Add(RpcAction.Write(Products.Ecs, "StartInstance", InstanceLifecycle.StartAsync, common.RequestIdResponse))
            .Add(RpcAction.Write(Products.Ecs, "StopInstance", InstanceLifecycle.StopAsync, common.RequestIdResponse))
            .Add(RpcAction.Write(Products.Ecs, "DeleteInstance", InstanceLifecycle.DeleteAsync, common.RequestIdResponse))
            .Add(RpcAction.Read(Products.Ecs, "DescribeInstances", InstanceQueries.DescribeAsync, instances.DescribeInstancesResponse))
            .Add(RpcAction.Write(Products.Ecs, "ModifyInstanceAttribute", InstanceAttributes.ModifyAsync, common.RequestIdResponse))
            .Add(RpcAction.Read(Products.Ecs, "DescribeUserData", InstanceAttributes.DescribeUserDataAsync, instances.DescribeUserDataResponse))
            .Add(RpcAction.Read(Products.Ecs, "DescribeInstanceAttribute", InstanceAttributes.DescribeAttributeAsync, instances.DescribeInstanceAttributeResponse))
            .Add(RpcAction.Read(Products.Ecs, "DescribeInstanceMaintenanceAttributes", InstanceAttributes.DescribeMaintenanceAsync,
                instances.DescribeInstanceMaintenanceAttributesResponse))
            .Add(RpcAction.Write(Products.Ecs, "ModifyInstanceMaintenanceAttributes", InstanceAttributes.ModifyMaintenanceAsync, common.RequestIdResponse))
            .Add(RpcAction.Read(Products.Ecs, "DescribeInstanceAttachmentAttributes", InstanceAttributes.DescribeAttachmentAsync,
                instances.DescribeInstanceAttachmentAttributesResponse))
            .Add(RpcAction.Read(Products.Ecs, "DescribeInstanceRamRole", InstanceAttributes.DescribeRamRoleAsync, instances.DescribeInstanceRamRoleResponse))
            .Add(RpcAction.Read(Products.Ecs, "DescribeDisks", DiskQueries.DescribeAsync, instances.DescribeDisksResponse))
            .Add(RpcAction.Write(Products.Ecs, "ModifyInstanceSpec", InstanceOfflineChanges.ModifySpecAsync, common.RequestIdResponse))
            .Add(RpcAction.Write(Products.Ecs, "ReplaceSystemDisk", InstanceOfflineChanges.ReplaceSystemDiskAsync, instances.ReplaceSystemDiskResponse))
            .Add(RpcAction.Write(Products.Ecs, "ModifyInstanceVpcAttribute", InstanceOfflineChanges.ModifyVpcAttributeAsync, common.RequestIdResponse))
            .Add(RpcAction.Write(Products.Ecs, "ResizeDisk", DiskChanges.ResizeAsync, common.RequestIdResponse))
            .Add(RpcAction.Write(Products.Ecs, "ModifyDiskAttribute", DiskChanges.ModifyAttributeAsync, common.RequestIdResponse))
            .Add(RpcAction.Write(Products.Ecs, "ModifyDiskSpec", DiskChanges.ModifySpecAsync, common.RequestIdResponse));
    }
}

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
            .Add(RpcAction.Read(Products.Ecs, "DescribeInstances", InstanceQueries.DescribeAsync, instances.DescribeInstancesResponse));
    }
}

using Eipnet.Api.Rpc;
using Eipnet.Contracts.Common;
using Eipnet.Contracts.Tagging;

namespace Eipnet.Api.Tagging;

/// <summary>The tag and resource group actions of both APIs: the VPC's (UnTagResources, MoveResourceGroup) and the ECS's
/// (UntagResources, JoinResourceGroup, DescribeTags).</summary>
public static class TagActions
{
    public static void Register(ActionTable table)
    {
        var common = CommonJsonContext.Default;
        var vpc = new ResourceTagging(TaggedTypes.Vpc);
        table.Add(RpcAction.Write(Products.Vpc, "TagResources", vpc.TagAsync, common.RequestIdResponse))
            .Add(RpcAction.Write(Products.Vpc, "UnTagResources", vpc.UntagAsync, common.RequestIdResponse))
            .Add(RpcAction.Read(Products.Vpc, "ListTagResources", vpc.ListAsync, TaggingJsonContext.Default.ListTagResourcesResponse))
            .Add(RpcAction.Write(Products.Vpc, "MoveResourceGroup", ResourceGroupMoves.MoveAsync, common.RequestIdResponse));
        var ecs = new ResourceTagging(TaggedTypes.Ecs);
        table.Add(RpcAction.Write(Products.Ecs, "TagResources", ecs.TagAsync, common.RequestIdResponse))
            .Add(RpcAction.Write(Products.Ecs, "UntagResources", ecs.UntagAsync, common.RequestIdResponse))
            .Add(RpcAction.Read(Products.Ecs, "ListTagResources", ecs.ListAsync, TaggingJsonContext.Default.ListTagResourcesResponse))
            .Add(RpcAction.Read(Products.Ecs, "DescribeTags", ecs.DescribeTagsAsync, TaggingJsonContext.Default.DescribeTagsResponse))
            .Add(RpcAction.Write(Products.Ecs, "JoinResourceGroup", ecs.JoinResourceGroupAsync, common.RequestIdResponse));
    }
}

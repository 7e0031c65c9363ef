using Eipnet.Api.Rpc;
using Eipnet.Contracts.Common;
using Eipnet.Contracts.Tagging;

namespace Eipnet.Api.Tagging;

/// <summary>The VPC API's tag and resource group actions.</summary>
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
    }
}

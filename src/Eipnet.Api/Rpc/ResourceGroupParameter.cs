using Eipnet.Domain.Errors;
using Eipnet.Domain.Tagging;

namespace Eipnet.Api.Rpc;

/// <summary>A resource group id parameter (ResourceGroupId, NewResourceGroupId), checked by <see cref="ResourceGroups"/>.</summary>
public static class ResourceGroupParameter
{
    /// <summary>The id, or null when the parameter is absent or empty.</summary>
    public static string? Read(RpcContext ctx, string name = "ResourceGroupId")
    {
        var id = ctx.Optional(name, 128);
        return id is not null && ResourceGroups.Check(id) is { } error ? throw new EipException(error) : id;
    }
}

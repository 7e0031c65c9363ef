using System.Globalization;

namespace Eipnet.Api.Rpc;

/// <summary>MaxResults/NextToken paging over a list the handler already holds in order.</summary>
/// <remarks>The token is the position of the next item, written as a decimal string; clients treat it as opaque.
/// An empty token in a response means there is no further page.</remarks>
public static class TokenPaging
{
    /// <summary>Where the page starts: 0 without a NextToken.</summary>
    public static int Offset(RpcContext ctx)
    {
        var token = ctx.Optional("NextToken", 64);
        if (token is null)
            return 0;
        return int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            ? offset
            : throw RpcContext.Invalid("NextToken", "it is not a token this server returned; start again without NextToken.");
    }

    public static (IReadOnlyList<T> Items, string NextToken) Page<T>(IReadOnlyList<T> all, int offset, int maxResults)
    {
        var items = all.Skip(offset).Take(maxResults).ToList();
        var next = offset + items.Count;
        return (items, items.Count > 0 && next < all.Count ? next.ToString(CultureInfo.InvariantCulture) : "");
    }
}

using System.Globalization;

namespace Eipnet.Api.Rpc;

/// <summary>The page a Describe call asks for: MaxResults/NextToken when either is given, else PageNumber/PageSize.</summary>
/// <remarks>Eipnet's NextToken is the number of the next page, so both styles walk the same ordered rows.</remarks>
public sealed record DescribePage(int Number, int Size)
{
    /// <summary>Reads the paging parameters; MaxResults below 10 counts as 10 and above <paramref name="maxResults"/> as
    /// <paramref name="maxResults"/> (alibaba-api.md §2.7, §2.10).</summary>
    public static DescribePage Read(RpcContext ctx, int maxPageSize, int maxResults)
    {
        var token = ctx.Optional("NextToken", 64);
        var results = ctx.Optional("MaxResults", 16);
        if (token is null && results is null)
        {
            var (number, size) = ctx.Page(maxPageSize);
            return new DescribePage(number, size);
        }
        var wanted = 10;
        if (results is not null && !int.TryParse(results, NumberStyles.None, CultureInfo.InvariantCulture, out wanted))
            throw RpcContext.Invalid("MaxResults", "it must be a non-negative integer.");
        var page = 1;
        if (token is not null && (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
            throw RpcContext.Invalid("NextToken", "it is not a token this server returned; omit it to start from the first page.");
        return new DescribePage(page, Math.Clamp(wanted, 10, maxResults));
    }

    public int Skip => (Number - 1) * Size;

    /// <summary>The token of the page after this one, or "" when this page reaches the end of <paramref name="total"/> rows.</summary>
    public string NextToken(long total) =>
        (long)Number * Size < total ? (Number + 1).ToString(CultureInfo.InvariantCulture) : "";
}

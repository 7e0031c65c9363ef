namespace Eipnet.Api.Tests.Infrastructure;

/// <summary>The check of a Describe filter audit (issue 12): a filter sent with a value the kept resource has must keep
/// it; sent with a value it lacks, it must leave it out or be refused with a 4xx.</summary>
public static class FilterAudit
{
    /// <summary>Checks one filter of <paramref name="action"/>. Values may name placeholders of <paramref name="values"/>
    /// ("{vpc}"); "Tag" and "Filter" take key=value and go as Name.1.Key/Name.1.Value, <paramref name="repeatLists"/> as
    /// Name.1. Every call asks for pages of one, so the kept resource, made first, is the one a matching call shows.
    /// PageSize is checked by size; a null <paramref name="lacking"/> marks an option that must only keep the resource.</summary>
    public static async Task CheckAsync(RpcTestClient client, IReadOnlyDictionary<string, string> values, string version, string action,
        (string Outer, string Inner, string IdField) list, string kept, string filter, string having, string? lacking, IReadOnlySet<string>? repeatLists = null)
    {
        var keptId = values[kept];
        string Resolve(string value) => values.Aggregate(value, (v, kv) => v.Replace(kv.Key, kv.Value, StringComparison.Ordinal));
        async Task<(bool Refused, string[] Ids)> Call(string value)
        {
            (string, string)[] p = filter switch
            {
                "Tag" or "Filter" => [($"{filter}.1.Key", value.Split('=')[0]), ($"{filter}.1.Value", value.Contains('=') ? value.Split('=')[1] : "")],
                _ when repeatLists?.Contains(filter) == true => [($"{filter}.1", Resolve(value))],
                _ => [(filter, Resolve(value))],
            };
            if (filter != "RegionId")
                p = [("RegionId", Fixtures.Region), .. p];
            if (filter != "PageSize")
                p = [.. p, ("PageSize", "1")]; // one page per resource: PageNumber filters too
            var r = await client.CallAsync(version, action, p);
            if (!r.Ok)
            {
                Assert.InRange((int)r.Status, 400, 499);
                return (true, []);
            }
            return (false, Fixtures.List(r.Body, list.Outer, list.Inner).Select(e => e.GetProperty(list.IdField).GetString()!).ToArray());
        }

        var with = await Call(having);
        Assert.False(with.Refused, $"{action} {filter}={having} was refused");
        Assert.Contains(keptId, with.Ids);
        if (filter == "PageSize")
        {
            Assert.Equal(2, with.Ids.Length);
            Assert.Single((await Call("1")).Ids);
            return;
        }
        if (lacking is null)
            return;
        var without = await Call(lacking);
        Assert.True(without.Refused || !without.Ids.Contains(keptId), $"{action} {filter}={lacking} neither filtered nor was refused");
    }
}

using Eipnet.Domain.Resources;
using Eipnet.Store.Queries;

namespace Eipnet.Store.Tests;

/// <summary>Tags of tagged tables (VPCs, vSwitches) are indexed in resource_tags, so queries filter by tag in SQL on both
/// databases; the index follows every put and delete (issue 12).</summary>
public sealed class TagIndexTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static Vpc Vpc(string id, string group, params (string Key, string Value)[] tags) =>
        new(id, "acc-1", "cn-hangzhou", "10.0.0.0/16", "n-" + id, "", Docs.T0)
        {
            Tags = tags.Select(t => new ResourceTag(t.Key, t.Value)).ToList(), ResourceGroupId = group,
        };

    private static Task<IReadOnlyList<string>> IdsAsync(IEipStore store, DocQuery query) =>
        store.ReadAsync(async s => (IReadOnlyList<string>)(await s.ListAsync<Vpc>(query)).Select(v => v.VpcId).ToList(), Ct);

    [Theory, MemberData(nameof(StoreBackends.Both), MemberType = typeof(StoreBackends))]
    public async Task List_FiltersByTagAndGroup_AndFollowsPutsAndDeletes(string backend)
    {
        await using var store = await StoreBackends.OpenAsync(backend);
        await store.WriteAsync(WriteScope.Account("acc-1"), async s =>
        {
            await s.PutAsync(Vpc("vpc-a", "rg-one", ("env", "prod"), ("team", "net")));
            await s.PutAsync(Vpc("vpc-b", "rg-two", ("env", "dev")));
            await s.PutAsync(Vpc("vpc-c", "", ("team", "net")));
            return 0;
        }, Ct);

        Assert.Equal(["vpc-a"], await IdsAsync(store, new DocQuery().AndTag("env", "prod")));
        Assert.Equal(["vpc-a", "vpc-b"], await IdsAsync(store, new DocQuery().AndTag("env", null)));
        Assert.Equal(["vpc-a"], await IdsAsync(store, new DocQuery().AndTag("env", null).AndTag("team", "net")));
        Assert.Equal(["vpc-b"], await IdsAsync(store, DocQuery.Where("resource_group_id", "rg-two")));
        Assert.Equal(2, await store.ReadAsync(s => s.CountAsync<Vpc>(new DocQuery().AndTag("team", "net")), Ct));
        Assert.Equal(["vpc-c"], await IdsAsync(store, new DocQuery().AndTag("team", "net").Paged(2, 1)));

        await store.WriteAsync(WriteScope.Account("acc-1"), async s =>
        {
            await s.PutAsync(Vpc("vpc-a", "rg-one", ("team", "net")));
            await s.DeleteAsync<Vpc>("vpc-c");
            return 0;
        }, Ct);

        Assert.Empty(await IdsAsync(store, new DocQuery().AndTag("env", "prod")));
        Assert.Equal(["vpc-a"], await IdsAsync(store, new DocQuery().AndTag("team", "net")));
        var (tags, after) = await store.ReadAsync(async s => ((await s.GetAsync<Vpc>("vpc-a"))!.Tags, await s.GetAsync<Vpc>("vpc-c")), Ct);
        Assert.Equal([new ResourceTag("team", "net")], tags);
        Assert.Null(after);
    }
}

using Eipnet.DataPlane;
using Eipnet.Domain.Resources;
using Eipnet.Store;
using Eipnet.Store.Queries;

namespace Eipnet.Api.Reconciliation;

/// <summary>Reads the intent a data plane needs from the store: everything, or what a change set names.</summary>
/// <remarks>The one place where the store's change kinds become the contract's <see cref="ResourceKind"/>; kinds the data
/// plane does not render (accounts, ...) are left out.</remarks>
public static class DesiredLoader
{
    private static readonly Dictionary<string, ResourceKind> Kinds = new(StringComparer.Ordinal)
    {
        ["eip"] = ResourceKind.Eip,
        ["eni"] = ResourceKind.Eni,
        ["instance"] = ResourceKind.Instance,
        ["security_group"] = ResourceKind.SecurityGroup,
        ["vswitch"] = ResourceKind.VSwitch,
        ["vpc"] = ResourceKind.Vpc,
    };

    /// <summary>The change set's resources, with every registered host (hosts are few and each plans its share from all of them).</summary>
    public static async Task<DesiredChanges> LoadAsync(IEipStore store, ChangeSet changes, bool full, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var hosts = (await store.ListAgentsAsync(ct)).Select(a => a.Host).ToList();
        return await store.ReadAsync(s => LoadAsync(s, changes, full), ct) with { Hosts = hosts };
    }

    private static async Task<DesiredChanges> LoadAsync(IStoreSession s, ChangeSet changes, bool full)
    {
        if (full)
        {
            var all = new DocQuery();
            return new DesiredChanges(changes.Revision, true,
                await s.ListAsync<Eip>(all), await s.ListAsync<NetworkInterface>(all), await s.ListAsync<Instance>(all),
                await s.ListAsync<SecurityGroup>(all), await s.ListAsync<VSwitch>(all), await s.ListAsync<Vpc>(all), []);
        }
        var byKind = changes.Changed
            .Where(c => Kinds.ContainsKey(c.Kind))
            .ToLookup(c => Kinds[c.Kind], c => c.Id);
        var removed = new List<RemovedResource>();
        async Task<IReadOnlyList<T>> Load<T>(ResourceKind kind) where T : class
        {
            var list = new List<T>();
            foreach (var id in byKind[kind])
            {
                if (await s.GetAsync<T>(id) is { } item)
                    list.Add(item);
                else
                    removed.Add(new RemovedResource(kind, id));
            }
            return list;
        }
        return new DesiredChanges(changes.Revision, false,
            await Load<Eip>(ResourceKind.Eip), await Load<NetworkInterface>(ResourceKind.Eni), await Load<Instance>(ResourceKind.Instance),
            await Load<SecurityGroup>(ResourceKind.SecurityGroup), await Load<VSwitch>(ResourceKind.VSwitch), await Load<Vpc>(ResourceKind.Vpc), removed);
    }
}

using Eipnet.Store.Queries;

namespace Eipnet.Store;

/// <summary>One database transaction over the documents (read-only sessions never commit).</summary>
/// <remarks>Puts and deletes record the document in the change log under <see cref="Revision"/> so the reconciler applies it.</remarks>
public interface IStoreSession
{
    /// <summary>The revision this write session commits as; allocated on first use.</summary>
    Task<long> RevisionAsync();

    Task<T?> GetAsync<T>(string id) where T : class;

    Task<IReadOnlyList<T>> ListAsync<T>(DocQuery query);

    Task<long> CountAsync<T>(DocQuery query);

    /// <summary>Inserts or replaces the document. <paramref name="forDataPlane"/> false skips the change log (state-only updates).</summary>
    Task PutAsync<T>(T item, bool forDataPlane = true);

    Task DeleteAsync<T>(string id);

    /// <summary>The private addresses taken in a vSwitch.</summary>
    Task<IReadOnlyList<string>> UsedPrivateIpsAsync(string vSwitchId);

    /// <summary>Claims an address for an ENI; false when another ENI already holds it.</summary>
    Task<bool> TryClaimPrivateIpAsync(string vSwitchId, string ip, string eniId);

    Task ReleasePrivateIpsAsync(string eniId, IReadOnlyCollection<string>? ips = null);

    /// <summary>How many instances each data-plane host runs (instances with no host under "").</summary>
    Task<IReadOnlyDictionary<string, long>> InstancesPerHostAsync();

    /// <summary>Every EIP address in use in a region.</summary>
    Task<IReadOnlyList<string>> EipAddressesAsync(string regionId);

    /// <summary>True when an EIP of the region already has this address.</summary>
    Task<bool> EipAddressTakenAsync(string regionId, string ipAddress);
}

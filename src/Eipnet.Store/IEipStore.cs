using Eipnet.Domain.Hosts;
using Eipnet.Domain.Billing;
using Eipnet.Domain.Metering;
using Eipnet.Domain.Resources;

namespace Eipnet.Store;

/// <summary>Persistence port of the control plane; SQLite and PostgreSQL implement it with the same SQL.</summary>
public interface IEipStore : IAsyncDisposable
{
    /// <summary>Human-readable description of the database in use (never contains a password).</summary>
    string Description { get; }

    Task MigrateAsync(CancellationToken ct);

    Task<T> ReadAsync<T>(Func<IStoreSession, Task<T>> work, CancellationToken ct);

    /// <summary>Runs <paramref name="work"/> in one transaction that commits only if it returns; an exception rolls it back.</summary>
    Task<T> WriteAsync<T>(WriteScope scope, Func<IStoreSession, Task<T>> work, CancellationToken ct);

    Task<Account?> FindAccountByAccessKeyAsync(string accessKeyId, CancellationToken ct);

    /// <summary>Records signature nonces in one transaction; returns those that were new (the others were used already).</summary>
    Task<IReadOnlySet<string>> UseNoncesAsync(IReadOnlyCollection<string> nonces, DateTimeOffset now, CancellationToken ct);

    Task PruneNoncesAsync(DateTimeOffset olderThan, CancellationToken ct);

    /// <summary>Claims a ClientToken for one call (see <see cref="TokenClaim"/>).</summary>
    Task<TokenClaim> ClaimTokenAsync(string accountId, string token, string action, string paramsHash, DateTimeOffset now, CancellationToken ct);

    Task CompleteTokenAsync(string accountId, string token, string response, CancellationToken ct);

    Task ReleaseTokenAsync(string accountId, string token, CancellationToken ct);

    /// <summary>The latest committed revision and what changed after <paramref name="afterRevision"/>.</summary>
    Task<ChangeSet> ReadChangesAsync(long afterRevision, CancellationToken ct);

    /// <summary>Records that the data plane applied everything up to <paramref name="revision"/> and ends the transitions it covers.</summary>
    Task<TransitionOutcome> CompleteTransitionsAsync(long revision, DateTimeOffset now, CancellationToken ct);

    /// <summary>Ends the transitions up to <paramref name="revision"/> of the resources <paramref name="ready"/> accepts (the
    /// hosts involved in each have applied it), and records <paramref name="everywhere"/> as applied by every host (the change
    /// log is trimmed to it).</summary>
    Task<TransitionOutcome> CompleteTransitionsAsync(long revision, long everywhere, Func<object, bool> ready, DateTimeOffset now, CancellationToken ct);

    /// <summary>Each instance's host, and each ENI's instance (for <see cref="CompleteTransitionsAsync(long, long, Func{object, bool}, DateTimeOffset, CancellationToken)"/>).</summary>
    Task<(IReadOnlyDictionary<string, string> InstanceHosts, IReadOnlyDictionary<string, string?> EniInstances)> PlacementAsync(CancellationToken ct);

    Task<long> AppliedRevisionAsync(CancellationToken ct);

    /// <summary>Adds an agent (a host with <paramref name="roles"/>, reached at <paramref name="underlayAddress"/>; a new host gets the
    /// next free number), or gives an existing one a new token, roles and address (its applied generation starts again from 0).
    /// Either is a change of the intent every agent receives (kind "host").</summary>
    Task PutAgentAsync(string name, string tokenSha256, HostRoles roles, string underlayAddress, DateTimeOffset now, CancellationToken ct);

    Task<AgentRecord?> GetAgentAsync(string name, CancellationToken ct);

    Task<IReadOnlyList<AgentRecord>> ListAgentsAsync(CancellationToken ct);

    /// <summary>Records that an agent asked for intent now.</summary>
    Task TouchAgentAsync(string name, DateTimeOffset now, CancellationToken ct);

    /// <summary>Records the generation an agent has applied; a lower one than recorded is kept (a full resync reports again).</summary>
    Task ReportAgentAppliedAsync(string name, long generation, DateTimeOffset now, CancellationToken ct);

    /// <summary>Removes an agent and its host (a change of the intent, kind "host").</summary>
    Task<bool> DeleteAgentAsync(string name, CancellationToken ct);

    /// <summary>The history segments of an account's EIPs that overlap [from, to), ordered by EIP and start (see <see cref="EipSegment"/>).</summary>
    Task<IReadOnlyList<EipSegment>> EipHistoryAsync(string accountId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct);

    /// <summary>Stores one agent's traffic report in one transaction: each EIP's traffic since the agent's previous counters
    /// (<see cref="TrafficDeltas"/>) is added to the minute of <paramref name="now"/>. Unknown EIPs are skipped; returns the traffic stored per EIP.</summary>
    /// <remarks>Reports of one agent are serialized: a second one while the first is being stored fails with TaskConflict.</remarks>
    Task<IReadOnlyList<(string AllocationId, EipTraffic Delta)>> RecordTrafficAsync(string agent, string epoch, IReadOnlyList<(string AllocationId, TrafficCounters Counters)> readings,
        DateTimeOffset now, CancellationToken ct);

    /// <summary>One EIP's traffic per minute in [from, to), ordered by minute; minutes without traffic are absent.</summary>
    Task<IReadOnlyList<(DateTimeOffset Minute, EipTraffic Traffic)>> EipTrafficSamplesAsync(string allocationId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct);

    /// <summary>The traffic of each of an account's EIPs in [from, to), by allocation id; EIPs without traffic are absent.</summary>
    /// <summary>How many EIPs there are by status and mode (mode "" while unassociated), over all accounts.</summary>
    Task<IReadOnlyList<(string Status, string Mode, long Count)>> EipCountsByStatusAndModeAsync(CancellationToken ct);

    Task<IReadOnlyDictionary<string, EipTraffic>> EipTrafficAsync(string accountId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct);
}

using System.Data.Common;
using System.Reflection;
using Dapper;
using Eipnet.Domain.Billing;
using Eipnet.Domain.Errors;
using Eipnet.Domain.Hosts;
using Eipnet.Domain.Metering;
using Eipnet.Domain.Resources;
using Eipnet.Store.Documents;
using Eipnet.Store.Postgres;
using Eipnet.Store.Queries;
using Eipnet.Store.Sqlite;

namespace Eipnet.Store.Sql;

/// <summary>The store on SQLite or PostgreSQL: the same SQL, a dialect for what differs.</summary>
public sealed class SqlStore : IEipStore
{
    private static readonly TimeSpan AbandonedTokenAge = TimeSpan.FromMinutes(5);
    private readonly SqlDialect dialect;
    private readonly TimeProvider time;

    private SqlStore(SqlDialect dialect, TimeProvider? time)
    {
        this.dialect = dialect;
        this.time = time ?? TimeProvider.System;
    }

    /// <summary>A store in <paramref name="dataDirectory"/>/eipnet.db (the directory is created if missing).</summary>
    /// <remarks><paramref name="time"/> stamps the EIP history the store writes (default: the system clock).</remarks>
    public static SqlStore Sqlite(string dataDirectory, TimeProvider? time = null)
    {
        Directory.CreateDirectory(dataDirectory);
        return new SqlStore(new SqliteDialect(Path.GetFullPath(Path.Combine(dataDirectory, "eipnet.db"))), time);
    }

    public static SqlStore Postgres(string connectionString, TimeProvider? time = null) => new(new PostgresDialect(connectionString), time);

    public string Description => dialect.Description;

    public async Task MigrateAsync(CancellationToken ct)
    {
        await dialect.PrepareAsync(ct);
        await dialect.WriteAsync(WriteScope.None, async (connection, transaction) =>
        {
            await dialect.LockMigrationsAsync(connection, transaction);
            await connection.ExecuteAsync(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY)", transaction: transaction);
            var applied = (await connection.QueryAsync<long>("SELECT version FROM schema_migrations", transaction: transaction)).ToHashSet();
            foreach (var (version, sql) in Migrations())
            {
                if (applied.Contains(version))
                    continue;
                await connection.ExecuteAsync(sql, transaction: transaction);
                await connection.ExecuteAsync("INSERT INTO schema_migrations (version) VALUES (@version)", new { version }, transaction);
            }
            return 0;
        }, ct);
    }

    private static IEnumerable<(long Version, string Sql)> Migrations()
    {
        var assembly = typeof(SqlStore).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".sql", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            // Resource names end with "Migrations.001_initial.sql".
            var file = name.Split('.')[^2];
            var version = long.Parse(file[..file.IndexOf('_')], System.Globalization.CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return (version, reader.ReadToEnd());
        }
    }

    public async Task<T> ReadAsync<T>(Func<IStoreSession, Task<T>> work, CancellationToken ct)
    {
        await using var connection = await dialect.OpenAsync(ct);
        return await work(new SqlSession(connection, null, time));
    }

    public async Task<T> WriteAsync<T>(WriteScope scope, Func<IStoreSession, Task<T>> work, CancellationToken ct)
    {
        try
        {
            return await dialect.WriteAsync(scope, (connection, transaction) => work(new SqlSession(connection, transaction, time)), ct);
        }
        catch (Exception e) when (dialect.IsUniqueViolation(e))
        {
            // The rules run before every write, so only a race they could not see ends here; the caller may retry.
            throw new EipException(EipError.TaskConflict());
        }
    }

    public Task<Account?> FindAccountByAccessKeyAsync(string accessKeyId, CancellationToken ct) =>
        ReadAsync(async s => (await s.ListAsync<Account>(DocQuery.Where("access_key_id", accessKeyId))).FirstOrDefault(), ct);

    public Task<IReadOnlySet<string>> UseNoncesAsync(IReadOnlyCollection<string> nonces, DateTimeOffset now, CancellationToken ct) =>
        dialect.WriteAsync(WriteScope.None, async (connection, transaction) =>
        {
            var p = new DynamicParameters();
            p.Add("now", now.ToUnixTimeSeconds());
            var values = nonces.Select((n, i) => { p.Add("n" + i, n); return $"(@n{i}, @now)"; });
            var fresh = await connection.QueryAsync<string>(
                $"INSERT INTO nonces (nonce, seen_at) VALUES {string.Join(", ", values)} ON CONFLICT DO NOTHING RETURNING nonce", p, transaction);
            return (IReadOnlySet<string>)fresh.ToHashSet(StringComparer.Ordinal);
        }, ct);

    public Task PruneNoncesAsync(DateTimeOffset olderThan, CancellationToken ct) =>
        dialect.WriteAsync(WriteScope.None, (connection, transaction) =>
            connection.ExecuteAsync("DELETE FROM nonces WHERE seen_at < @t", new { t = olderThan.ToUnixTimeSeconds() }, transaction), ct);

    public Task<TokenClaim> ClaimTokenAsync(string accountId, string token, string action, string paramsHash, DateTimeOffset now, CancellationToken ct) =>
        dialect.WriteAsync(WriteScope.None, async (connection, transaction) =>
        {
            var inserted = await connection.ExecuteAsync(
                "INSERT INTO client_tokens (account_id, token, action, params_hash, state, created_at) " +
                "VALUES (@accountId, @token, @action, @paramsHash, 'processing', @now) ON CONFLICT DO NOTHING",
                new { accountId, token, action, paramsHash, now = now.ToUnixTimeSeconds() }, transaction);
            if (inserted == 1)
                return new TokenClaim(TokenClaimState.Claimed);
            var row = await connection.QuerySingleAsync<(string Action, string ParamsHash, string State, string? Response, long CreatedAt)>(
                "SELECT action, params_hash, state, response, created_at FROM client_tokens WHERE account_id = @accountId AND token = @token",
                new { accountId, token }, transaction);
            if (row.Action != action || row.ParamsHash != paramsHash)
                return new TokenClaim(TokenClaimState.Mismatch);
            if (row.State == "done")
                return new TokenClaim(TokenClaimState.Completed, row.Response);
            // A server that died mid-call leaves its claim behind; after a while the token may be used again.
            if (now.ToUnixTimeSeconds() - row.CreatedAt > AbandonedTokenAge.TotalSeconds)
            {
                await connection.ExecuteAsync(
                    "UPDATE client_tokens SET created_at = @now WHERE account_id = @accountId AND token = @token",
                    new { accountId, token, now = now.ToUnixTimeSeconds() }, transaction);
                return new TokenClaim(TokenClaimState.Claimed);
            }
            return new TokenClaim(TokenClaimState.InProgress);
        }, ct);

    public Task CompleteTokenAsync(string accountId, string token, string response, CancellationToken ct) =>
        dialect.WriteAsync(WriteScope.None, (connection, transaction) =>
            connection.ExecuteAsync(
                "UPDATE client_tokens SET state = 'done', response = @response WHERE account_id = @accountId AND token = @token",
                new { accountId, token, response }, transaction), ct);

    public Task ReleaseTokenAsync(string accountId, string token, CancellationToken ct) =>
        dialect.WriteAsync(WriteScope.None, (connection, transaction) =>
            connection.ExecuteAsync(
                "DELETE FROM client_tokens WHERE account_id = @accountId AND token = @token AND state = 'processing'",
                new { accountId, token }, transaction), ct);

    public async Task<ChangeSet> ReadChangesAsync(long afterRevision, CancellationToken ct)
    {
        await using var connection = await dialect.OpenAsync(ct);
        var revision = await connection.ExecuteScalarAsync<long>("SELECT value FROM counters WHERE name = 'revision'");
        var changed = await connection.QueryAsync<(string Kind, string Id)>(
            "SELECT DISTINCT kind, id FROM changes WHERE revision > @afterRevision AND revision <= @revision",
            new { afterRevision, revision });
        return new ChangeSet(revision, changed.ToList());
    }

    public async Task<long> AppliedRevisionAsync(CancellationToken ct)
    {
        await using var connection = await dialect.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>("SELECT value FROM counters WHERE name = 'applied_revision'");
    }

    public Task<TransitionOutcome> CompleteTransitionsAsync(long revision, DateTimeOffset now, CancellationToken ct) =>
        CompleteTransitionsAsync(revision, revision, _ => true, now, ct);

    public async Task<TransitionOutcome> CompleteTransitionsAsync(long revision, long everywhere, Func<object, bool> ready, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ready);
        var outcome = new TransitionOutcome(0, 0);
        outcome += await CompleteEachAsync(Tables.Eips, ["Associating", "Unassociating"], revision, Transitions.Complete, e => e.Status.ToString(), e => e.Revision, ready, ct);
        outcome += await CompleteEachAsync(Tables.Enis, ["Attaching", "Detaching"], revision, Transitions.Complete, e => e.Status.ToString(), e => e.Revision, ready, ct);
        outcome += await CompleteEachAsync(Tables.Instances, ["Pending", "Starting", "Stopping"], revision, i => Transitions.Complete(i, now), i => i.Status.ToString(), i => i.Revision, ready, ct);
        await dialect.WriteAsync(WriteScope.None, async (connection, transaction) =>
        {
            await connection.ExecuteAsync(
                "UPDATE counters SET value = @everywhere WHERE name = 'applied_revision' AND value < @everywhere", new { everywhere }, transaction);
            return await connection.ExecuteAsync("DELETE FROM changes WHERE revision <= @everywhere", new { everywhere }, transaction);
        }, ct);
        return outcome;
    }

    public async Task<(IReadOnlyDictionary<string, string> InstanceHosts, IReadOnlyDictionary<string, string?> EniInstances)> PlacementAsync(CancellationToken ct)
    {
        await using var connection = await dialect.OpenAsync(ct);
        var instances = (await connection.QueryAsync<(string Id, string Host)>("SELECT id, host FROM instances")).ToDictionary(r => r.Id, r => r.Host, StringComparer.Ordinal);
        var enis = (await connection.QueryAsync<(string Id, string? Instance)>("SELECT id, instance_id FROM enis")).ToDictionary(r => r.Id, r => r.Instance, StringComparer.Ordinal);
        return (instances, enis);
    }

    /// <summary>Ends the transitions of one table, each resource in a transaction of its own that locks it as a user's change
    /// would: a resource that a user is changing right now is deferred (its completion comes with a later pass), and no lock
    /// of a whole account is ever needed, so completions neither stall nor deadlock with users' writes.</summary>
    private async Task<TransitionOutcome> CompleteEachAsync<T>(
        DocumentTable<T> table, string[] statuses, long revision, Func<T, T> complete, Func<T, string> status, Func<T, long> revisionOf,
        Func<object, bool> ready, CancellationToken ct)
    {
        List<T> candidates;
        await using (var connection = await dialect.OpenAsync(ct))
        {
            candidates = (await connection.QueryAsync<string>(
                $"SELECT doc FROM {table.Name} WHERE status IN ({string.Join(", ", statuses.Select(s => $"'{s}'"))}) AND revision <= @revision",
                new { revision })).Select(table.Read).Where(c => ready(c!)).ToList();
        }
        var outcome = new TransitionOutcome(0, 0);
        foreach (var before in candidates)
        {
            var after = complete(before);
            try
            {
                var changed = await dialect.WriteAsync(new WriteScope(null, [table.Id(before)]), async (connection, transaction) =>
                {
                    var p = table.Parameters(after, 0);
                    p.Add("oldStatus", status(before));
                    p.Add("oldRevision", revisionOf(before));
                    // Compare-and-set: a user change committed since the read wins over the completion.
                    var set = string.Join(", ", table.ColumnNames.Where(c => c is not "id" and not "seq").Select(c => $"{c} = @{c}"));
                    var n = await connection.ExecuteAsync(
                        $"UPDATE {table.Name} SET {set}, doc = @doc WHERE id = @id AND status = @oldStatus AND revision = @oldRevision",
                        p, transaction);
                    if (n == 1 && before is Eip b && after is Eip a)
                        await EipCounts.MoveAsync(connection, transaction, EipCounts.KeyOf(b), EipCounts.KeyOf(a));
                    return n;
                }, ct);
                outcome += new TransitionOutcome(changed, 0);
            }
            catch (EipException e) when (e.Error.Code == "TaskConflict")
            {
                outcome += new TransitionOutcome(0, 1);
            }
        }
        return outcome;
    }

    public Task PutAgentAsync(string name, string tokenSha256, HostRoles roles, string underlayAddress, DateTimeOffset now, CancellationToken ct) =>
        dialect.WriteAsync(WriteScope.None, async (connection, transaction) =>
        {
            var p = new { name, tokenSha256, roles = HostRolesText.Format(roles), underlayAddress, now = now.ToUnixTimeMilliseconds() };
            var n = await connection.ExecuteAsync(
                "UPDATE agents SET token_sha256 = @tokenSha256, roles = @roles, underlay_address = @underlayAddress, "
                + "applied_generation = 0, seen_at = 0, applied_at = 0 WHERE name = @name", p, transaction);
            if (n == 0)
                await connection.ExecuteAsync(
                    "INSERT INTO agents (name, token_sha256, roles, underlay_address, host_id, created_at) "
                    + "VALUES (@name, @tokenSha256, @roles, @underlayAddress, (SELECT COALESCE(MAX(host_id), 0) + 1 FROM agents), @now)", p, transaction);
            await LogHostChangeAsync(connection, transaction, name);
            return n;
        }, ct);

    // Hosts are part of every agent's intent: a change of one is a revision, as a change of a resource is.
    private static async Task LogHostChangeAsync(DbConnection connection, DbTransaction transaction, string name)
    {
        var revision = await connection.ExecuteScalarAsync<long>(
            "UPDATE counters SET value = value + 1 WHERE name = 'revision' RETURNING value", transaction: transaction);
        await connection.ExecuteAsync(
            "INSERT INTO changes (revision, kind, id) VALUES (@revision, 'host', @name) ON CONFLICT DO NOTHING", new { revision, name }, transaction);
    }

    public async Task<AgentRecord?> GetAgentAsync(string name, CancellationToken ct) =>
        (await QueryAgentsAsync("WHERE name = @name", new { name }, ct)).FirstOrDefault();

    public Task<IReadOnlyList<AgentRecord>> ListAgentsAsync(CancellationToken ct) => QueryAgentsAsync("ORDER BY name", null, ct);

    public Task TouchAgentAsync(string name, DateTimeOffset now, CancellationToken ct) =>
        dialect.WriteAsync(WriteScope.None, (connection, transaction) =>
            connection.ExecuteAsync("UPDATE agents SET seen_at = @now WHERE name = @name", new { name, now = now.ToUnixTimeMilliseconds() }, transaction), ct);

    public Task ReportAgentAppliedAsync(string name, long generation, DateTimeOffset now, CancellationToken ct) =>
        dialect.WriteAsync(WriteScope.None, (connection, transaction) =>
            connection.ExecuteAsync(
                "UPDATE agents SET applied_generation = CASE WHEN applied_generation > @generation THEN applied_generation ELSE @generation END, "
                + "applied_at = @now, seen_at = @now WHERE name = @name",
                new { name, generation, now = now.ToUnixTimeMilliseconds() }, transaction), ct);

    public async Task<bool> DeleteAgentAsync(string name, CancellationToken ct) =>
        await dialect.WriteAsync(WriteScope.None, async (connection, transaction) =>
        {
            var n = await connection.ExecuteAsync("DELETE FROM agents WHERE name = @name", new { name }, transaction);
            if (n > 0)
                await LogHostChangeAsync(connection, transaction, name);
            return n;
        }, ct) > 0;

    public async Task<IReadOnlyList<EipSegment>> EipHistoryAsync(string accountId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        await using var connection = await dialect.OpenAsync(ct);
        return await EipHistorySql.ReadAsync(connection, accountId, from, to);
    }

    public async Task<IReadOnlyList<(string Status, string Mode, long Count)>> EipCountsByStatusAndModeAsync(CancellationToken ct)
    {
        await using var connection = await dialect.OpenAsync(ct);
        return (await connection.QueryAsync<(string, string, long)>(
            "SELECT status, COALESCE(mode, ''), COUNT(*) FROM eips GROUP BY status, COALESCE(mode, '') ORDER BY 1, 2")).ToList();
    }

    public Task<IReadOnlyList<(string AllocationId, EipTraffic Delta)>> RecordTrafficAsync(string agent, string epoch, IReadOnlyList<(string AllocationId, TrafficCounters Counters)> readings,
        DateTimeOffset now, CancellationToken ct) =>
        dialect.WriteAsync(new WriteScope(null, ["traffic:" + agent]), (connection, transaction) =>
            TrafficSql.RecordAsync(connection, transaction, agent, epoch, readings, now), ct);

    public async Task<IReadOnlyList<(DateTimeOffset Minute, EipTraffic Traffic)>> EipTrafficSamplesAsync(string allocationId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        await using var connection = await dialect.OpenAsync(ct);
        return await TrafficSql.SamplesAsync(connection, allocationId, from, to);
    }

    public async Task<IReadOnlyDictionary<string, EipTraffic>> EipTrafficAsync(string accountId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        await using var connection = await dialect.OpenAsync(ct);
        return await TrafficSql.TotalsAsync(connection, accountId, from, to);
    }

    private async Task<IReadOnlyList<AgentRecord>> QueryAgentsAsync(string where, object? parameters, CancellationToken ct)
    {
        await using var connection = await dialect.OpenAsync(ct);
        var rows = await connection.QueryAsync<(string Name, string Token, long Applied, long Created, long Seen, long AppliedAt, string Roles, string Underlay, long HostId)>(
            "SELECT name, token_sha256, applied_generation, created_at, seen_at, applied_at, roles, underlay_address, host_id FROM agents " + where, parameters);
        return rows.Select(r => new AgentRecord(r.Name, r.Token, r.Applied, DateTimeOffset.FromUnixTimeMilliseconds(r.Created),
            r.Seen == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.Seen),
            r.AppliedAt == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.AppliedAt))
        {
            Host = new HostNode(r.Name, (int)r.HostId, HostRolesText.TryParse(r.Roles, out var roles) ? roles : HostRoles.Both, r.Underlay),
        }).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        if (dialect is IAsyncDisposable disposable)
            await disposable.DisposeAsync();
    }
}

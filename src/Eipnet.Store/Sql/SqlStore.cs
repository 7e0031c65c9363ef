using System.Data.Common;
using System.Reflection;
using Dapper;
using Eipnet.Domain.Billing;
using Eipnet.Domain.Errors;
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

    public async Task<TransitionOutcome> CompleteTransitionsAsync(long revision, DateTimeOffset now, CancellationToken ct)
    {
        var outcome = new TransitionOutcome(0, 0);
        outcome += await CompleteEachAsync(Tables.Eips, ["Associating", "Unassociating"], revision, Transitions.Complete, e => e.Status.ToString(), e => e.Revision, ct);
        outcome += await CompleteEachAsync(Tables.Enis, ["Attaching", "Detaching"], revision, Transitions.Complete, e => e.Status.ToString(), e => e.Revision, ct);
        outcome += await CompleteEachAsync(Tables.Instances, ["Pending", "Starting", "Stopping"], revision, i => Transitions.Complete(i, now), i => i.Status.ToString(), i => i.Revision, ct);
        await dialect.WriteAsync(WriteScope.None, async (connection, transaction) =>
        {
            await connection.ExecuteAsync(
                "UPDATE counters SET value = @revision WHERE name = 'applied_revision' AND value < @revision", new { revision }, transaction);
            return await connection.ExecuteAsync("DELETE FROM changes WHERE revision <= @revision", new { revision }, transaction);
        }, ct);
        return outcome;
    }

    /// <summary>Ends the transitions of one table, each resource in a transaction of its own that locks it as a user's change
    /// would: a resource that a user is changing right now is deferred (its completion comes with a later pass), and no lock
    /// of a whole account is ever needed, so completions neither stall nor deadlock with users' writes.</summary>
    private async Task<TransitionOutcome> CompleteEachAsync<T>(
        DocumentTable<T> table, string[] statuses, long revision, Func<T, T> complete, Func<T, string> status, Func<T, long> revisionOf, CancellationToken ct)
    {
        List<T> candidates;
        await using (var connection = await dialect.OpenAsync(ct))
        {
            candidates = (await connection.QueryAsync<string>(
                $"SELECT doc FROM {table.Name} WHERE status IN ({string.Join(", ", statuses.Select(s => $"'{s}'"))}) AND revision <= @revision",
                new { revision })).Select(table.Read).ToList();
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

    public Task PutAgentAsync(string name, string tokenSha256, DateTimeOffset now, CancellationToken ct) =>
        dialect.WriteAsync(WriteScope.None, async (connection, transaction) =>
        {
            var p = new { name, tokenSha256, now = now.ToUnixTimeMilliseconds() };
            var n = await connection.ExecuteAsync(
                "UPDATE agents SET token_sha256 = @tokenSha256, applied_generation = 0, seen_at = 0, applied_at = 0 WHERE name = @name", p, transaction);
            if (n == 0)
                await connection.ExecuteAsync("INSERT INTO agents (name, token_sha256, created_at) VALUES (@name, @tokenSha256, @now)", p, transaction);
            return n;
        }, ct);

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
        await dialect.WriteAsync(WriteScope.None, (connection, transaction) =>
            connection.ExecuteAsync("DELETE FROM agents WHERE name = @name", new { name }, transaction), ct) > 0;

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
        var rows = await connection.QueryAsync<(string Name, string Token, long Applied, long Created, long Seen, long AppliedAt)>(
            "SELECT name, token_sha256, applied_generation, created_at, seen_at, applied_at FROM agents " + where, parameters);
        return rows.Select(r => new AgentRecord(r.Name, r.Token, r.Applied, DateTimeOffset.FromUnixTimeMilliseconds(r.Created),
            r.Seen == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.Seen),
            r.AppliedAt == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.AppliedAt))).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        if (dialect is IAsyncDisposable disposable)
            await disposable.DisposeAsync();
    }
}

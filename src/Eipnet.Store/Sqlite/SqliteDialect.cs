using System.Collections.Concurrent;
using System.Data.Common;
using Dapper;
using Eipnet.Domain.Errors;
using Eipnet.Store.Sql;
using Microsoft.Data.Sqlite;

namespace Eipnet.Store.Sqlite;

/// <summary>SQLite in WAL mode: one writer at a time, readers never blocked.</summary>
internal sealed class SqliteDialect(string path) : SqlDialect
{
    private readonly string connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    // SQLite allows one writer; queueing writers here instead of letting them collide keeps latency flat
    // (Microsoft.Data.Sqlite answers SQLITE_BUSY by sleeping and retrying).
    private readonly SemaphoreSlim writeGate = new(1, 1);

    // Resources with a change in flight in this process; a second change to one of them gets TaskConflict.
    private readonly ConcurrentDictionary<string, byte> busy = new(StringComparer.Ordinal);

    public override string Description => $"SQLite {path}";

    private const int ResourceWaitAttempts = 10;
    private static readonly TimeSpan ResourceWaitStep = TimeSpan.FromMilliseconds(5);

    public override async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        // synchronous=NORMAL (per connection) with WAL (set once, persistent, at migration): a committed transaction survives
        // the process being killed, not a power loss.
        await connection.ExecuteAsync("PRAGMA synchronous=NORMAL;");
        return connection;
    }

    public override async Task<T> WriteAsync<T>(WriteScope scope, Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken ct)
    {
        var wanted = scope.Resources.Where(r => r.Length > 0).Distinct().ToList();
        var held = new List<string>();
        try
        {
            // A lock held only for a moment (another write, or the reconciler ending a transition) is waited out briefly;
            // one held longer is a concurrent change: TaskConflict.
            for (var attempt = 0; ; attempt++)
            {
                foreach (var resource in wanted)
                {
                    if (!busy.TryAdd(resource, 0))
                        break;
                    held.Add(resource);
                }
                if (held.Count == wanted.Count)
                    break;
                foreach (var resource in held)
                    busy.TryRemove(resource, out _);
                held.Clear();
                if (attempt >= ResourceWaitAttempts)
                    throw new EipException(EipError.TaskConflict());
                await Task.Delay(ResourceWaitStep, ct);
            }
            await writeGate.WaitAsync(ct);
            try
            {
                await using var connection = await OpenAsync(ct);
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct); // BEGIN IMMEDIATE
                var result = await work(connection, transaction);
                await transaction.CommitAsync(ct);
                return result;
            }
            finally
            {
                writeGate.Release();
            }
        }
        finally
        {
            foreach (var resource in held)
                busy.TryRemove(resource, out _);
        }
    }

    /// <summary>WAL cannot be switched on inside a transaction, so it is set before migrating.</summary>
    public override async Task PrepareAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await connection.ExecuteAsync("PRAGMA journal_mode=WAL;");
    }

    public override bool IsUniqueViolation(Exception e) =>
        e is SqliteException { SqliteErrorCode: 19 };
}

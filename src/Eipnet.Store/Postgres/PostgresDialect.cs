using System.Data.Common;
using Dapper;
using Eipnet.Domain.Errors;
using Eipnet.Store.Sql;
using Npgsql;

namespace Eipnet.Store.Postgres;

/// <summary>PostgreSQL: advisory locks make rule checks serial per account and turn a second change of one resource into
/// TaskConflict, across any number of servers.</summary>
internal sealed class PostgresDialect(string connectionString) : SqlDialect, IAsyncDisposable
{
    private readonly NpgsqlDataSource dataSource = NpgsqlDataSource.Create(connectionString);

    public override string Description
    {
        get
        {
            var b = new NpgsqlConnectionStringBuilder(connectionString);
            return $"PostgreSQL {b.Host}:{b.Port}/{b.Database}";
        }
    }

    public override async Task<DbConnection> OpenAsync(CancellationToken ct) => await dataSource.OpenConnectionAsync(ct);

    public override async Task<T> WriteAsync<T>(WriteScope scope, Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // Resource locks first and without waiting (so two writers never wait on each other in a cycle), then the account lock.
        var resources = scope.Resources.Where(r => r.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        if (resources.Count > 0)
        {
            var p = new DynamicParameters();
            var tries = resources.Select((r, i) => { p.Add("r" + i, r); return $"pg_try_advisory_xact_lock(hashtextextended(@r{i}, 0))"; });
            var sql = $"SELECT {string.Join(" AND ", tries)}";
            // A lock held only for a moment (another write, or the reconciler ending a transition) is waited out briefly;
            // one held longer is a concurrent change: TaskConflict.
            for (var attempt = 0; !await connection.ExecuteScalarAsync<bool>(sql, p, transaction); attempt++)
            {
                if (attempt >= 10)
                    throw new EipException(EipError.TaskConflict());
                await Task.Delay(5, ct);
            }
        }
        if (scope.AccountId is not null && scope.SharedAccount)
            await connection.ExecuteAsync("SELECT pg_advisory_xact_lock_shared(hashtextextended(@account, 1))", new { account = scope.AccountId }, transaction);
        else if (scope.AccountId is not null)
            await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtextextended(@account, 1))", new { account = scope.AccountId }, transaction);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(ct);
        return result;
    }

    public override bool IsUniqueViolation(Exception e) =>
        e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public override Task LockMigrationsAsync(DbConnection connection, DbTransaction transaction) =>
        connection.ExecuteAsync("SELECT pg_advisory_xact_lock(4242)", transaction: transaction);

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}

using System.Data.Common;

namespace Eipnet.Store.Sql;

/// <summary>The little that differs between SQLite and PostgreSQL: connecting, write locking, and error classification.</summary>
internal abstract class SqlDialect
{
    public abstract string Description { get; }

    public abstract Task<DbConnection> OpenAsync(CancellationToken ct);

    /// <summary>Runs a write: takes the locks of <paramref name="scope"/> (TaskConflict if one is held), begins a transaction,
    /// runs <paramref name="work"/>, commits.</summary>
    public abstract Task<T> WriteAsync<T>(WriteScope scope, Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken ct);

    public abstract bool IsUniqueViolation(Exception e);

    /// <summary>Connection-independent settings applied once before migrating.</summary>
    public virtual Task PrepareAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>Schema migration preamble/lock, run inside the migration transaction.</summary>
    public virtual Task LockMigrationsAsync(DbConnection connection, DbTransaction transaction) => Task.CompletedTask;
}

using Npgsql;

namespace Eipnet.Api.Tests.Infrastructure;

/// <summary>Fresh databases for tests: a SQLite file in a temp directory, or a new database on the test PostgreSQL server.</summary>
public static class TestDatabases
{
    public const string PostgresVariable = "EIPNET_TEST_POSTGRES";

    /// <summary>The server connection string; a missing server fails the test with what to do (scripts/test starts one).</summary>
    public static string PostgresServer() =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                $"{PostgresVariable} is not set: PostgreSQL tests need a server. Run ./scripts/test, which starts one on loopback.");

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static async Task<string> NewPostgresAsync()
    {
        var server = PostgresServer();
        var name = "eipnet_t_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public static string NewSqliteDirectory() =>
        Directory.CreateTempSubdirectory("eipnet-test-").FullName;
}

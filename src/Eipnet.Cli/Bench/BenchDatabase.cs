using Npgsql;

namespace Eipnet.Cli.Bench;

/// <summary>Creates a fresh database on the given PostgreSQL server for one benchmark run.</summary>
internal static class BenchDatabase
{
    public static async Task<string> CreateAsync(string server)
    {
        var name = "eipnet_bench_" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>What autovacuum does soon after a bulk load: statistics and the visibility map (index-only scans).</summary>
    public static async Task VacuumAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("VACUUM ANALYZE", connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }
}

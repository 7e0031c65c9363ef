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
}

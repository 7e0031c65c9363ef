using System.Data.Common;
using Dapper;
using Eipnet.Domain.Resources;
using Eipnet.Store.Queries;

namespace Eipnet.Store.Sql;

/// <summary>Keeps eip_counts in step with the eips table, and answers counts it can answer from it.</summary>
/// <remarks>Every statement that inserts, deletes or changes the status of an EIP row goes through <see cref="MoveAsync"/> in the
/// same transaction; the counts are therefore exact, as COUNT(*) would be.</remarks>
internal static class EipCounts
{
    /// <summary>The (account, region, status) an EIP row has now, or null when there is no row.</summary>
    public static Task<(string Account, string Region, string Status)?> KeyOfAsync(DbConnection c, DbTransaction? t, string id) =>
        c.QuerySingleOrDefaultAsync<(string, string, string)?>(
            "SELECT account_id, region_id, status FROM eips WHERE id = @id", new { id }, t);

    public static (string, string, string) KeyOf(Eip e) => (e.AccountId, e.RegionId, e.Status.ToString());

    /// <summary>Moves one EIP from one bucket to another (either may be null: insert or delete).</summary>
    public static async Task MoveAsync(DbConnection c, DbTransaction? t, (string Account, string Region, string Status)? from, (string Account, string Region, string Status)? to)
    {
        var p = new DynamicParameters();
        var sql = MoveSql(from, to, p);
        if (sql.Length > 0)
            await c.ExecuteAsync(sql, p, t);
    }

    /// <summary>The statements (each ending in ';') that move one EIP between buckets, with their parameters added to <paramref name="p"/>.</summary>
    public static string MoveSql((string Account, string Region, string Status)? from, (string Account, string Region, string Status)? to, DynamicParameters p)
    {
        if (from == to)
            return "";
        // Rows are changed in key order, so that two writers moving EIPs between the same buckets never wait on each other in a cycle.
        var changes = new List<((string, string, string) Key, int Delta)>();
        if (from is { } f)
            changes.Add((f, -1));
        if (to is { } x)
            changes.Add((x, +1));
        var sql = new System.Text.StringBuilder();
        var i = 0;
        foreach (var ((account, region, status), delta) in changes.OrderBy(c => c.Key.Item1, StringComparer.Ordinal)
                     .ThenBy(c => c.Key.Item2, StringComparer.Ordinal).ThenBy(c => c.Key.Item3, StringComparer.Ordinal))
        {
            sql.Append($"INSERT INTO eip_counts (account_id, region_id, status, n) VALUES (@cnt_a{i}, @cnt_r{i}, @cnt_s{i}, @cnt_d{i}) " +
                       $"ON CONFLICT (account_id, region_id, status) DO UPDATE SET n = eip_counts.n + @cnt_d{i};");
            p.Add($"cnt_a{i}", account);
            p.Add($"cnt_r{i}", region);
            p.Add($"cnt_s{i}", status);
            p.Add($"cnt_d{i}", delta);
            i++;
        }
        return sql.ToString();
    }

    /// <summary>The count when the query is exactly account + region (+ status); null when it needs COUNT(*).</summary>
    public static async Task<long?> TryCountAsync(DbConnection c, DbTransaction? t, DocQuery query)
    {
        if (query.Conditions.Any(x => x.Op != "=" || x.Column is not ("account_id" or "region_id" or "status")))
            return null;
        var byColumn = query.Conditions.GroupBy(x => x.Column).ToDictionary(g => g.Key, g => g.ToList());
        if (byColumn.Values.Any(v => v.Count > 1) || !byColumn.ContainsKey("account_id") || !byColumn.ContainsKey("region_id"))
            return null;
        var account = byColumn["account_id"][0].Value;
        var region = byColumn["region_id"][0].Value;
        return byColumn.TryGetValue("status", out var status)
            ? await c.ExecuteScalarAsync<long?>(
                "SELECT n FROM eip_counts WHERE account_id = @account AND region_id = @region AND status = @status",
                new { account, region, status = status[0].Value }, t) ?? 0
            : await c.ExecuteScalarAsync<long?>(
                "SELECT SUM(n) FROM eip_counts WHERE account_id = @account AND region_id = @region", new { account, region }, t) ?? 0;
    }
}

using System.Data.Common;
using Dapper;
using Eipnet.Domain.Billing;
using Eipnet.Domain.Metering;

namespace Eipnet.Store.Sql;

/// <summary>The traffic tables: turning agents' counters into per-minute samples, and reading them back.</summary>
internal static class TrafficSql
{
    // Rows per statement: well under SQLite's and PostgreSQL's parameter limits.
    private const int Batch = 500;

    /// <summary>Adds one agent's report: each EIP's delta since its previous counters goes to the minute of <paramref name="now"/>,
    /// and the counters are kept for the next report. EIPs the store does not have (released) are skipped; returns the traffic stored per EIP.</summary>
    public static async Task<IReadOnlyList<(string AllocationId, EipTraffic Delta)>> RecordAsync(DbConnection c, DbTransaction t, string agent, string epoch,
        IReadOnlyList<(string AllocationId, TrafficCounters Counters)> readings, DateTimeOffset now)
    {
        var minute = MonitorWindow.FloorMinute(now).ToUnixTimeMilliseconds();
        var stored = new List<(string AllocationId, EipTraffic Delta)>();
        foreach (var chunk in readings.DistinctBy(r => r.AllocationId).Chunk(Batch))
        {
            var ids = chunk.Select(r => r.AllocationId).ToArray();
            var p = new DynamicParameters();
            p.Add("agent", agent);
            var names = ids.Select((id, i) => { p.Add("id" + i, id); return "@id" + i; });
            var inList = string.Join(", ", names);
            var previous = (await c.QueryAsync<(string Id, string Epoch, long Rx, long Tx, long RxP, long TxP)>(
                    $"SELECT allocation_id, epoch, rx_bytes, tx_bytes, rx_packets, tx_packets FROM traffic_counters WHERE agent = @agent AND allocation_id IN ({inList})", p, t))
                .ToDictionary(r => r.Id, StringComparer.Ordinal);
            var accounts = (await c.QueryAsync<(string Id, string Account)>($"SELECT id, account_id FROM eips WHERE id IN ({inList})", p, t))
                .ToDictionary(r => r.Id, r => r.Account, StringComparer.Ordinal);

            var sql = new System.Text.StringBuilder();
            var q = new DynamicParameters();
            q.Add("agent", agent);
            q.Add("epoch", epoch);
            q.Add("minute", minute);
            var n = 0;
            foreach (var (id, counters) in chunk)
            {
                if (!accounts.TryGetValue(id, out var account))
                    continue;
                var before = previous.TryGetValue(id, out var r) ? new TrafficCounters(r.Rx, r.Tx, r.RxP, r.TxP) : null;
                var delta = TrafficDeltas.Between(previous.ContainsKey(id) ? r.Epoch : null, before, epoch, counters);
                stored.Add((id, delta));
                q.Add($"i{n}", id);
                q.Add($"a{n}", account);
                q.Add($"rx{n}", counters.RxBytes);
                q.Add($"tx{n}", counters.TxBytes);
                q.Add($"rxp{n}", counters.RxPackets);
                q.Add($"txp{n}", counters.TxPackets);
                q.Add($"bi{n}", delta.BytesIn);
                q.Add($"bo{n}", delta.BytesOut);
                q.Add($"pi{n}", delta.PacketsIn);
                q.Add($"po{n}", delta.PacketsOut);
                sql.Append($"INSERT INTO traffic_counters (agent, allocation_id, epoch, rx_bytes, tx_bytes, rx_packets, tx_packets) VALUES (@agent, @i{n}, @epoch, @rx{n}, @tx{n}, @rxp{n}, @txp{n}) ")
                   .Append("ON CONFLICT (agent, allocation_id) DO UPDATE SET epoch = excluded.epoch, rx_bytes = excluded.rx_bytes, tx_bytes = excluded.tx_bytes, rx_packets = excluded.rx_packets, tx_packets = excluded.tx_packets;");
                if (delta != EipTraffic.None)
                {
                    sql.Append($"INSERT INTO eip_traffic (allocation_id, account_id, agent, minute, bytes_in, bytes_out, packets_in, packets_out) VALUES (@i{n}, @a{n}, @agent, @minute, @bi{n}, @bo{n}, @pi{n}, @po{n}) ")
                       .Append("ON CONFLICT (allocation_id, minute, agent) DO UPDATE SET bytes_in = eip_traffic.bytes_in + excluded.bytes_in, bytes_out = eip_traffic.bytes_out + excluded.bytes_out, ")
                       .Append("packets_in = eip_traffic.packets_in + excluded.packets_in, packets_out = eip_traffic.packets_out + excluded.packets_out;");
                }
                n++;
            }
            if (n > 0)
                await c.ExecuteAsync(sql.ToString(), q, t);
        }
        return stored;
    }

    /// <summary>One EIP's samples in [from, to), per minute (all agents' added up), by minute.</summary>
    public static async Task<IReadOnlyList<(DateTimeOffset Minute, EipTraffic Traffic)>> SamplesAsync(DbConnection c, string allocationId, DateTimeOffset from, DateTimeOffset to)
    {
        var rows = await c.QueryAsync<(long Minute, long In, long Out, long PIn, long POut)>(
            "SELECT minute, CAST(SUM(bytes_in) AS BIGINT), CAST(SUM(bytes_out) AS BIGINT), CAST(SUM(packets_in) AS BIGINT), CAST(SUM(packets_out) AS BIGINT) FROM eip_traffic " +
            "WHERE allocation_id = @allocationId AND minute >= @from AND minute < @to GROUP BY minute ORDER BY minute",
            new { allocationId, from = from.ToUnixTimeMilliseconds(), to = to.ToUnixTimeMilliseconds() });
        return rows.Select(r => (DateTimeOffset.FromUnixTimeMilliseconds(r.Minute), new EipTraffic(r.In, r.Out, r.PIn, r.POut))).ToList();
    }

    /// <summary>Each of an account's EIPs' traffic in [from, to) (minutes that start in it).</summary>
    public static async Task<IReadOnlyDictionary<string, EipTraffic>> TotalsAsync(DbConnection c, string accountId, DateTimeOffset from, DateTimeOffset to)
    {
        var rows = await c.QueryAsync<(string Id, long In, long Out, long PIn, long POut)>(
            "SELECT allocation_id, CAST(SUM(bytes_in) AS BIGINT), CAST(SUM(bytes_out) AS BIGINT), CAST(SUM(packets_in) AS BIGINT), CAST(SUM(packets_out) AS BIGINT) FROM eip_traffic " +
            "WHERE account_id = @accountId AND minute >= @from AND minute < @to GROUP BY allocation_id",
            new { accountId, from = from.ToUnixTimeMilliseconds(), to = to.ToUnixTimeMilliseconds() });
        return rows.ToDictionary(r => r.Id, r => new EipTraffic(r.In, r.Out, r.PIn, r.POut), StringComparer.Ordinal);
    }
}

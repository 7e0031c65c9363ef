using System.Data.Common;
using Dapper;
using Eipnet.Domain.Resources;
using Eipnet.Store.Documents;
using Eipnet.Store.Queries;

namespace Eipnet.Store.Sql;

/// <summary>A session over one open connection (and, for writes, one transaction).</summary>
internal sealed class SqlSession(DbConnection connection, DbTransaction? transaction, TimeProvider time) : IStoreSession
{
    private long? revision;

    // The (account, region, status) of EIPs read by id in this transaction, so that changing one needs no extra read to
    // keep eip_counts right. Only ids the caller holds locks on are read by id before being changed.
    private readonly Dictionary<string, (string, string, string)?> eipKeys = new(StringComparer.Ordinal);

    public async Task<long> RevisionAsync()
    {
        if (transaction is null)
            throw new InvalidOperationException("A read session has no revision.");
        // Taking the counter row also orders commits: a later revision cannot commit before an earlier one.
        revision ??= await connection.ExecuteScalarAsync<long>(
            "UPDATE counters SET value = value + 1 WHERE name = 'revision' RETURNING value", transaction: transaction);
        return revision.Value;
    }

    public async Task<T?> GetAsync<T>(string id) where T : class
    {
        var table = Tables.For<T>();
        var doc = await connection.QuerySingleOrDefaultAsync<string>(
            $"SELECT doc FROM {table.Name} WHERE id = @id", new { id }, transaction);
        var item = doc is null ? null : table.Read(doc);
        if (typeof(T) == typeof(Eip) && transaction is not null)
            eipKeys[id] = item is Eip e ? EipCounts.KeyOf(e) : null;
        return item;
    }

    public async Task<IReadOnlyList<T>> ListAsync<T>(DocQuery query)
    {
        var table = Tables.For<T>();
        var (where, parameters) = Where(table, query);
        var sql = $"SELECT doc FROM {table.Name}{where} ORDER BY seq, id";
        if (query.Page is var (number, size))
        {
            // The page's ids come from the listing index alone; only the page's documents are read from the table.
            sql = $"SELECT doc FROM {table.Name} WHERE id IN (SELECT id FROM {table.Name}{where} ORDER BY seq, id LIMIT @limit OFFSET @offset) ORDER BY seq, id";
            parameters.Add("limit", size);
            parameters.Add("offset", (long)(number - 1) * size);
        }
        var docs = await connection.QueryAsync<string>(sql, parameters, transaction);
        return docs.Select(table.Read).ToList();
    }

    public async Task<long> CountAsync<T>(DocQuery query)
    {
        var table = Tables.For<T>();
        if (typeof(T) == typeof(Eip) && await EipCounts.TryCountAsync(connection, transaction, query) is { } counted)
            return counted;
        var (where, parameters) = Where(table, query);
        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table.Name}{where}", parameters, transaction);
    }

    public async Task PutAsync<T>(T item, bool forDataPlane = true)
    {
        var table = Tables.For<T>();
        var rev = await RevisionAsync();
        var id = table.Id(item);
        var parameters = table.Parameters(item, rev);
        // One round trip for the whole change: while it runs this transaction holds the revision row, which every writer needs.
        var sql = new System.Text.StringBuilder();
        if (item is Eip eip)
        {
            var before = eipKeys.TryGetValue(id, out var known) ? known : await EipCounts.KeyOfAsync(connection, transaction, id);
            var after = EipCounts.KeyOf(eip);
            sql.Append(EipCounts.MoveSql(before, after, parameters));
            eipKeys[id] = after;
            sql.Append(EipHistorySql.Track(eip, time.GetUtcNow(), parameters));
        }
        sql.Append(table.UpsertSql).Append(';');
        if (table.Tags is { } tagsOf)
            AppendTagRows(sql, parameters, tagsOf(item));
        if (forDataPlane)
        {
            sql.Append(ChangeSql);
            parameters.Add("chg_kind", table.ChangeKind);
            parameters.Add("chg_id", id);
        }
        await connection.ExecuteAsync(sql.ToString(), parameters, transaction);
    }

    // The item's rows in resource_tags are replaced whole: the document is the truth, the rows only index it.
    private static void AppendTagRows(System.Text.StringBuilder sql, DynamicParameters parameters, IReadOnlyList<ResourceTag> tags)
    {
        sql.Append("DELETE FROM resource_tags WHERE resource_id = @id;");
        for (var i = 0; i < tags.Count; i++)
        {
            sql.Append($"INSERT INTO resource_tags (resource_id, tag_key, tag_value) VALUES (@id, @tag_k{i}, @tag_v{i});");
            parameters.Add($"tag_k{i}", tags[i].Key);
            parameters.Add($"tag_v{i}", tags[i].Value);
        }
    }

    private const string ChangeSql = "INSERT INTO changes (revision, kind, id) VALUES (@seq, @chg_kind, @chg_id) ON CONFLICT DO NOTHING;";

    public async Task DeleteAsync<T>(string id)
    {
        var table = Tables.For<T>();
        if (typeof(T) == typeof(Eip))
        {
            var before = eipKeys.TryGetValue(id, out var known) ? known : await EipCounts.KeyOfAsync(connection, transaction, id);
            await EipCounts.MoveAsync(connection, transaction, before, null);
            eipKeys[id] = null;
            await connection.ExecuteAsync(EipHistorySql.End, new { id, now = time.GetUtcNow().ToUnixTimeMilliseconds() }, transaction);
        }
        await connection.ExecuteAsync($"DELETE FROM {table.Name} WHERE id = @id", new { id }, transaction);
        if (table.Tags is not null)
            await connection.ExecuteAsync("DELETE FROM resource_tags WHERE resource_id = @id", new { id }, transaction);
        await LogChangeAsync(table.ChangeKind, id, await RevisionAsync());
    }

    public async Task<IReadOnlyDictionary<string, long>> InstancesPerHostAsync() =>
        (await connection.QueryAsync<(string Host, long Count)>("SELECT host, COUNT(*) FROM instances GROUP BY host", transaction: transaction))
            .ToDictionary(r => r.Host, r => r.Count, StringComparer.Ordinal);

    public async Task<IReadOnlyList<string>> UsedPrivateIpsAsync(string vSwitchId) =>
        (await connection.QueryAsync<string>(
            "SELECT ip FROM private_ips WHERE vswitch_id = @vSwitchId", new { vSwitchId }, transaction)).ToList();

    public async Task<bool> TryClaimPrivateIpAsync(string vSwitchId, string ip, string eniId) =>
        await connection.ExecuteAsync(
            "INSERT INTO private_ips (vswitch_id, ip, eni_id) VALUES (@vSwitchId, @ip, @eniId) ON CONFLICT DO NOTHING",
            new { vSwitchId, ip, eniId }, transaction) == 1;

    public async Task ReleasePrivateIpsAsync(string eniId, IReadOnlyCollection<string>? ips = null)
    {
        if (ips is null)
            await connection.ExecuteAsync("DELETE FROM private_ips WHERE eni_id = @eniId", new { eniId }, transaction);
        else
        {
            foreach (var ip in ips)
                await connection.ExecuteAsync("DELETE FROM private_ips WHERE eni_id = @eniId AND ip = @ip", new { eniId, ip }, transaction);
        }
    }

    public async Task<IReadOnlyList<string>> EipAddressesAsync(string regionId) =>
        (await connection.QueryAsync<string>(
            "SELECT ip_address FROM eips WHERE region_id = @regionId", new { regionId }, transaction)).ToList();

    public async Task<bool> EipAddressTakenAsync(string regionId, string ipAddress) =>
        await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM eips WHERE region_id = @regionId AND ip_address = @ipAddress",
            new { regionId, ipAddress }, transaction) > 0;

    private Task LogChangeAsync(string kind, string id, long rev) =>
        connection.ExecuteAsync(
            "INSERT INTO changes (revision, kind, id) VALUES (@rev, @kind, @id) ON CONFLICT DO NOTHING",
            new { rev, kind, id }, transaction);

    private static (string Sql, DynamicParameters Parameters) Where<T>(DocumentTable<T> table, DocQuery query)
    {
        var columns = table.ColumnNames;
        var parameters = new DynamicParameters();
        if (query.Conditions.Count == 0)
            return ("", parameters);
        var parts = new List<string>();
        for (var i = 0; i < query.Conditions.Count; i++)
        {
            var (column, op, value) = query.Conditions[i];
            var name = "p" + i;
            if (op is "TAG" or "TAG=")
            {
                if (table.Tags is null)
                    throw new ArgumentException($"The table {table.Name} has no tags.");
                // The column holds the tag key here; the value, when given, must match too.
                parameters.Add(name, column);
                var valueCondition = "";
                if (op == "TAG=")
                {
                    parameters.Add(name + "_v", value);
                    valueCondition = $" AND t.tag_value = @{name}_v";
                }
                parts.Add($"EXISTS (SELECT 1 FROM resource_tags t WHERE t.resource_id = {table.Name}.id AND t.tag_key = @{name}{valueCondition})");
                continue;
            }
            if (!columns.Contains(column))
                throw new ArgumentException($"Unknown column {column}.");
            switch (op)
            {
                case "IS NULL":
                    parts.Add($"{column} IS NULL");
                    break;
                case "IN":
                    var values = (string[])value!;
                    if (values.Length == 0)
                    {
                        parts.Add("1 = 0");
                        break;
                    }
                    // Expanded by hand: Dapper's list expansion differs between providers.
                    var names = values.Select((v, j) => { parameters.Add($"{name}_{j}", v); return $"@{name}_{j}"; });
                    parts.Add($"{column} IN ({string.Join(", ", names)})");
                    break;
                default:
                    parts.Add($"{column} {op} @{name}");
                    parameters.Add(name, value);
                    break;
            }
        }
        return (" WHERE " + string.Join(" AND ", parts), parameters);
    }
}

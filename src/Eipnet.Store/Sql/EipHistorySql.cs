using System.Data.Common;
using Dapper;
using Eipnet.Domain.Associations;
using Eipnet.Domain.Billing;
using Eipnet.Domain.Resources;

namespace Eipnet.Store.Sql;

/// <summary>Keeps eip_history in step with the eips table: every statement that writes an EIP row appends these, in the
/// same transaction.</summary>
/// <remarks>Level-based: the open segment is compared with what the EIP is now, so a write that changes nothing billing looks
/// at (a name, a tag, Associating becoming InUse) leaves the segment alone, and an EIP without an open segment (one from
/// before migration 12) gets one.</remarks>
internal static class EipHistorySql
{
    /// <summary>Closes the EIP's open segment, if any (the EIP is released).</summary>
    public const string End = "UPDATE eip_history SET ended_at = @now WHERE allocation_id = @id AND ended_at IS NULL";

    /// <summary>The statements (each ending in ';') that close the open segment when it no longer matches the EIP and open one
    /// that does; uses the eips columns' parameters @id, @account_id, @region_id, @ip_address and adds its own.</summary>
    public static string Track(Eip eip, DateTimeOffset now, DynamicParameters p)
    {
        var bound = EipHistory.BoundBy(eip);
        p.Add("h_now", now.ToUnixTimeMilliseconds());
        p.Add("h_ct", eip.InternetChargeType);
        p.Add("h_bw", eip.Bandwidth);
        p.Add("h_tt", bound?.TargetType ?? "");
        p.Add("h_tid", bound?.TargetId ?? "");
        p.Add("h_eni", bound?.NetworkInterfaceId ?? "");
        p.Add("h_mode", bound?.Mode.ToWire() ?? "");
        return """
            UPDATE eip_history SET ended_at = @h_now WHERE allocation_id = @id AND ended_at IS NULL
              AND NOT (charge_type = @h_ct AND bandwidth = @h_bw AND COALESCE(target_type, '') = @h_tt AND COALESCE(target_id, '') = @h_tid
                       AND COALESCE(eni_id, '') = @h_eni AND COALESCE(mode, '') = @h_mode);
            INSERT INTO eip_history (allocation_id, account_id, region_id, ip_address, charge_type, bandwidth, target_type, target_id, eni_id, eni_type, mode, started_at)
              SELECT @id, @account_id, @region_id, @ip_address, @h_ct, @h_bw, NULLIF(@h_tt, ''), NULLIF(@h_tid, ''), NULLIF(@h_eni, ''),
                     (SELECT type FROM enis WHERE id = @h_eni), NULLIF(@h_mode, ''), @h_now
              WHERE NOT EXISTS (SELECT 1 FROM eip_history WHERE allocation_id = @id AND ended_at IS NULL);
            """;
    }

    /// <summary>The segments of an account's EIPs that overlap [from, to), by EIP and start.</summary>
    public static async Task<IReadOnlyList<EipSegment>> ReadAsync(DbConnection c, string accountId, DateTimeOffset from, DateTimeOffset to)
    {
        var rows = await c.QueryAsync<Row>(
            "SELECT allocation_id AS AllocationId, account_id AS AccountId, region_id AS RegionId, ip_address AS IpAddress, " +
            "charge_type AS ChargeType, bandwidth AS Bandwidth, target_type AS TargetType, target_id AS TargetId, eni_id AS EniId, " +
            "eni_type AS EniType, mode AS Mode, started_at AS StartedAt, ended_at AS EndedAt FROM eip_history " +
            "WHERE account_id = @accountId AND started_at < @to AND (ended_at IS NULL OR ended_at > @from) ORDER BY allocation_id, started_at",
            new { accountId, from = from.ToUnixTimeMilliseconds(), to = to.ToUnixTimeMilliseconds() });
        return rows.Select(r => new EipSegment(r.AllocationId, r.AccountId, r.RegionId, r.IpAddress, r.ChargeType, (int)r.Bandwidth,
            r.TargetType is null ? null : new EipBinding(r.TargetType, r.TargetId!, r.EniId!, r.EniType == nameof(EniType.Primary),
                AssociationModes.TryParse(r.Mode!, out var mode) ? mode.Value : AssociationMode.Nat),
            DateTimeOffset.FromUnixTimeMilliseconds(r.StartedAt),
            r.EndedAt is { } e ? DateTimeOffset.FromUnixTimeMilliseconds(e) : null)).ToList();
    }

    // Properties, not a constructor: Dapper then converts column types, which differ between SQLite and PostgreSQL.
    private sealed class Row
    {
        public string AllocationId { get; set; } = "";
        public string AccountId { get; set; } = "";
        public string RegionId { get; set; } = "";
        public string IpAddress { get; set; } = "";
        public string ChargeType { get; set; } = "";
        public long Bandwidth { get; set; }
        public string? TargetType { get; set; }
        public string? TargetId { get; set; }
        public string? EniId { get; set; }
        public string? EniType { get; set; }
        public string? Mode { get; set; }
        public long StartedAt { get; set; }
        public long? EndedAt { get; set; }
    }
}

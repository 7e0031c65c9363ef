using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Eipnet.Api.Catalog;
using Eipnet.Domain.Billing;
using Eipnet.Domain.Errors;
using Eipnet.Domain.Resources;

namespace Eipnet.Cli.Commands;

/// <summary>`eipnet admin bill ACCOUNT --from --to`: each EIP's hours by what it was bound to, its usage and fees, from the
/// store's EIP history and traffic samples, at the catalog's prices (the seed's rule: see <see cref="EipBilling"/>).</summary>
internal static class BillCommand
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly string[] Columns =
    [
        "AllocationId", "IpAddress", "InternetChargeType", "HoursHeld", "HoursOnInstance", "HoursOnEni", "HoursUnbound", "HoursCharged",
        "TrafficInBytes", "TrafficOutBytes", "PeakBandwidthMbps", "ConfigFee", "TrafficFee", "BandwidthFee", "Total", "Currency",
    ];

    public static Command Create()
    {
        var db = new DatabaseOptions();
        var account = new Argument<string>("ACCOUNT_ID") { Description = "The account billed." };
        var from = new Option<string>("--from") { Description = "Start of the period (ISO 8601, UTC unless an offset is given; e.g. 2026-03-01 or 2026-03-01T00:00:00Z).", Required = true };
        var to = new Option<string?>("--to") { Description = "End of the period, excluded (default: now)." };
        var json = new Option<bool>("--json") { Description = "Print JSON: {Account, From, To, Currency, Lines[], Total}." };
        var csv = new Option<bool>("--csv") { Description = "Print CSV with a header row." };
        var catalog = new Option<string?>("--catalog") { Description = "The catalog file whose Prices apply (default: the built-in prices)." };
        var command = new Command("bill", "Bill an account's EIPs over a period: hours on an ECS instance (configuration fee waived), on an ENI or unbound (charged), traffic (PayByTraffic), peak bandwidth (PayByBandwidth).");
        command.Arguments.Add(account);
        foreach (var option in new Option[] { from, to, json, csv, catalog })
            command.Options.Add(option);
        db.AddTo(command);
        command.SetAction((result, ct) =>
        {
            if (!TryParseTime(result.GetValue(from)!, out var start) || !TryParseTime(result.GetValue(to), out var end, DateTimeOffset.UtcNow) || end <= start)
            {
                Console.Error.WriteLine("eipnet: --from and --to must be ISO 8601 times (e.g. 2026-03-01T00:00:00Z), --to after --from.");
                return Task.FromResult(2);
            }
            if (result.GetValue(json) && result.GetValue(csv))
            {
                Console.Error.WriteLine("eipnet: give --json or --csv, not both.");
                return Task.FromResult(2);
            }
            PriceList prices;
            try
            {
                prices = result.GetValue(catalog) is { } file ? CatalogLoader.LoadFile(file).Prices : CatalogLoader.LoadDefault().Prices;
            }
            catch (Exception e) when (e is CatalogException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"eipnet: the catalog cannot be used: {e.Message}");
                return Task.FromResult(2);
            }
            return AdminCommand.RunAsync(db.Read(result), async store =>
            {
                var accountId = result.GetValue(account)!;
                if (await store.ReadAsync(s => s.GetAsync<Account>(accountId), ct) is null)
                    throw new EipException(EipError.NotFound("InvalidAccountId.NotFound", "account", accountId));
                var segments = await store.EipHistoryAsync(accountId, start, end, ct);
                var traffic = await store.EipTrafficAsync(accountId, start, end, ct);
                var lines = EipBilling.Bill(segments, traffic, start, end, prices);
                var text = result.GetValue(json) ? Json(accountId, start, end, prices, lines)
                    : result.GetValue(csv) ? Csv(prices, lines)
                    : Table(accountId, start, end, prices, lines);
                Console.Out.Write(text);
            }, ct);
        });
        return command;
    }

    private static bool TryParseTime(string? text, out DateTimeOffset time, DateTimeOffset? missing = null)
    {
        if (text is null && missing is { } now)
        {
            time = now;
            return true;
        }
        return DateTimeOffset.TryParse(text, Invariant, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
    }

    private static string[] Values(EipBillLine l, PriceList prices) =>
    [
        l.AllocationId, l.IpAddress, l.InternetChargeType, Hours(l.HoursHeld), Hours(l.HoursOnInstance), Hours(l.HoursOnEni), Hours(l.HoursUnbound),
        Hours(l.HoursCharged), Num(l.TrafficInBytes), Num(l.TrafficOutBytes), Num(l.PeakBandwidthMbps), Money(l.ConfigFee), Money(l.TrafficFee),
        Money(l.BandwidthFee), Money(l.Total), prices.Currency,
    ];

    private static string Hours(decimal h) => h.ToString("0.0000", Invariant);

    private static string Money(decimal m) => m.ToString("0.0000", Invariant);

    private static string Num(long n) => n.ToString(Invariant);

    private static string Csv(PriceList prices, IReadOnlyList<EipBillLine> lines)
    {
        var sb = new StringBuilder().AppendJoin(',', Columns).Append('\n');
        foreach (var l in lines)
            sb.AppendJoin(',', Values(l, prices)).Append('\n');
        return sb.ToString();
    }

    private static string Table(string accountId, DateTimeOffset start, DateTimeOffset end, PriceList prices, IReadOnlyList<EipBillLine> lines)
    {
        var sb = new StringBuilder();
        sb.Append(Invariant, $"account {accountId}, {Time(start)} to {Time(end)}, prices in {prices.Currency}\n");
        sb.Append(Invariant, $"{"EIP",-26} {"ADDRESS",-15} {"CHARGE TYPE",-14} {"HELD h",9} {"INSTANCE h",10} {"ENI h",9} {"UNBOUND h",9} {"OUT BYTES",14} {"PEAK Mbps",9} {"CONFIG",9} {"USAGE",9} {"TOTAL",9}\n");
        foreach (var l in lines)
            sb.Append(Invariant, $"{l.AllocationId,-26} {l.IpAddress,-15} {l.InternetChargeType,-14} {Hours(l.HoursHeld),9} {Hours(l.HoursOnInstance),10} {Hours(l.HoursOnEni),9} {Hours(l.HoursUnbound),9} {l.TrafficOutBytes,14} {l.PeakBandwidthMbps,9} {Money(l.ConfigFee),9} {Money(l.TrafficFee + l.BandwidthFee),9} {Money(l.Total),9}\n");
        sb.Append(Invariant, $"total {Money(lines.Sum(l => l.Total))} {prices.Currency}\n");
        return sb.ToString();
    }

    private static string Json(string accountId, DateTimeOffset start, DateTimeOffset end, PriceList prices, IReadOnlyList<EipBillLine> lines)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("Account", accountId);
            w.WriteString("From", Time(start));
            w.WriteString("To", Time(end));
            w.WriteString("Currency", prices.Currency);
            w.WriteStartArray("Lines");
            foreach (var l in lines)
            {
                w.WriteStartObject();
                w.WriteString("AllocationId", l.AllocationId);
                w.WriteString("IpAddress", l.IpAddress);
                w.WriteString("InternetChargeType", l.InternetChargeType);
                w.WriteNumber("HoursHeld", Math.Round(l.HoursHeld, 6));
                w.WriteNumber("HoursOnInstance", Math.Round(l.HoursOnInstance, 6));
                w.WriteNumber("HoursOnEni", Math.Round(l.HoursOnEni, 6));
                w.WriteNumber("HoursUnbound", Math.Round(l.HoursUnbound, 6));
                w.WriteNumber("HoursCharged", Math.Round(l.HoursCharged, 6));
                w.WriteNumber("TrafficInBytes", l.TrafficInBytes);
                w.WriteNumber("TrafficOutBytes", l.TrafficOutBytes);
                w.WriteNumber("PeakBandwidthMbps", l.PeakBandwidthMbps);
                w.WriteNumber("ConfigFee", l.ConfigFee);
                w.WriteNumber("TrafficFee", l.TrafficFee);
                w.WriteNumber("BandwidthFee", l.BandwidthFee);
                w.WriteNumber("Total", l.Total);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteNumber("Total", lines.Sum(l => l.Total));
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static string Time(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", Invariant);
}

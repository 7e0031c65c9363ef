using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Eipnet.Domain.Errors;
using Eipnet.Domain.Resources;
using Eipnet.Store;

namespace Eipnet.Api.Rpc;

using Eipnet.Domain.Catalog; // inside the namespace: Eipnet.Api.Catalog would hide the Catalog record

/// <summary>One authenticated call: its parameters, the calling account, and the services a handler needs.</summary>
/// <remarks>Parameter accessors throw <see cref="EipException"/> with MissingParameter or InvalidParameter, so a handler
/// reads like the parameter table of its action.</remarks>
public sealed class RpcContext(
    IReadOnlyDictionary<string, string> parameters,
    Account account,
    string requestId,
    Catalog catalog,
    IEipStore store,
    TimeProvider time,
    CancellationToken cancellation)
{
    public IReadOnlyDictionary<string, string> Parameters => parameters;
    public Account Account => account;
    public string RequestId => requestId;
    public Catalog Catalog => catalog;
    public IEipStore Store => store;
    public TimeProvider Time => time;
    public CancellationToken Cancellation => cancellation;

    /// <summary>Now, truncated to whole seconds as the API shows times.</summary>
    public DateTimeOffset Now
    {
        get
        {
            var now = time.GetUtcNow();
            return new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        }
    }

    /// <summary>The value, or null when absent. An empty value counts as absent, as Alibaba treats it.</summary>
    public string? Optional(string name, int maxLength = 256)
    {
        if (!parameters.TryGetValue(name, out var value) || value.Length == 0)
            return null;
        if (value.Length > maxLength)
            throw Invalid(name, $"it is longer than {maxLength} characters.");
        return value;
    }

    public string Required(string name, int maxLength = 256) =>
        Optional(name, maxLength) ?? throw new EipException(EipError.MissingParameter(name));

    /// <summary>An optional text attribute (a name or description) with Alibaba's length bounds and prefix rule.</summary>
    public string? Text(string name, int minLength, int maxLength)
    {
        var value = Optional(name, maxLength);
        if (value is null)
            return null;
        if (value.Length < minLength)
            throw Invalid(name, $"it must be {minLength} to {maxLength} characters long.");
        if (value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            throw Invalid(name, "it must not start with http:// or https://.");
        return value;
    }

    /// <summary>A text attribute of a Modify call: null when absent (unchanged), "" when given empty (cleared, as Alibaba
    /// does), else checked as <see cref="Text"/>.</summary>
    public string? TextOrCleared(string name, int minLength, int maxLength) =>
        parameters.TryGetValue(name, out var value) && value.Length == 0 ? "" : Text(name, minLength, maxLength);

    /// <summary>Refuses a parameter Eipnet does not model when it carries a value, instead of ignoring it.</summary>
    public void Refuse(string name, string why)
    {
        if (parameters.TryGetValue(name, out var value) && value.Length > 0)
            throw Invalid(name, why);
    }

    public int? OptionalInt(string name, int min, int max)
    {
        var value = Optional(name, 16);
        if (value is null)
            return null;
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
            throw Invalid(name, $"it must be an integer from {min} to {max}.");
        return n;
    }

    public bool? OptionalBool(string name)
    {
        var value = Optional(name, 8);
        return value?.ToLowerInvariant() switch
        {
            null => null,
            "true" => true,
            "false" => false,
            _ => throw Invalid(name, "it must be true or false."),
        };
    }

    /// <summary>One of the allowed values (exact spelling), or null when absent.</summary>
    public string? OneOf(string name, params string[] allowed)
    {
        var value = Optional(name, 64);
        if (value is null)
            return null;
        return allowed.Contains(value, StringComparer.Ordinal)
            ? value
            : throw Invalid(name, $"it must be one of {string.Join(", ", allowed)}.");
    }

    /// <summary>Values of Name.1, Name.2, ... (Alibaba's RepeatList), in index order.</summary>
    public IReadOnlyList<string> RepeatList(string name, int max)
    {
        var prefix = name + ".";
        var items = new SortedDictionary<int, string>();
        foreach (var (key, value) in parameters)
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal))
                continue;
            var rest = key[prefix.Length..];
            if (rest.Contains('.'))
                continue;
            if (!int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index < 1)
                throw Invalid(key, "list parameters are numbered from 1.");
            if (value.Length > 0)
                items[index] = value;
        }
        if (items.Count > max)
            throw Invalid(name, $"at most {max} values are allowed.");
        return items.Values.ToList();
    }

    /// <summary>Objects of Name.N.Field (Alibaba's array-of-objects encoding), each as a field dictionary, in index order.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> ObjectList(string name, int max)
    {
        var prefix = name + ".";
        var items = new SortedDictionary<int, Dictionary<string, string>>();
        foreach (var (key, value) in parameters)
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal))
                continue;
            var rest = key[prefix.Length..];
            var dot = rest.IndexOf('.');
            if (dot < 0)
                continue;
            if (!int.TryParse(rest[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index < 1)
                throw Invalid(key, "list parameters are numbered from 1.");
            if (!items.TryGetValue(index, out var fields))
                items[index] = fields = new Dictionary<string, string>(StringComparer.Ordinal);
            fields[rest[(dot + 1)..]] = value;
        }
        if (items.Count > max)
            throw Invalid(name, $"at most {max} items are allowed.");
        return items.Values.ToList();
    }

    /// <summary>A JSON array of strings passed as one parameter (e.g. DescribeInstances InstanceIds).</summary>
    public IReadOnlyList<string>? JsonStringArray(string name, int max)
    {
        var value = Optional(name, 65536);
        if (value is null)
            return null;
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(value);
            if (doc.RootElement.ValueKind != System.Text.Json.JsonValueKind.Array)
                throw Invalid(name, "it must be a JSON array of strings.");
            var list = new List<string>();
            foreach (var item in doc.RootElement.EnumerateArray())
            {
                if (item.ValueKind != System.Text.Json.JsonValueKind.String)
                    throw Invalid(name, "it must be a JSON array of strings.");
                list.Add(item.GetString()!);
            }
            return list.Count <= max ? list : throw Invalid(name, $"at most {max} values are allowed.");
        }
        catch (System.Text.Json.JsonException)
        {
            throw Invalid(name, "it must be a JSON array of strings.");
        }
    }

    /// <summary>Comma-separated values (e.g. DescribeEipAddresses AllocationId).</summary>
    public IReadOnlyList<string>? CommaList(string name, int max)
    {
        var value = Optional(name, 65536);
        if (value is null)
            return null;
        var list = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return list.Length <= max ? list : throw Invalid(name, $"at most {max} values are allowed.");
    }

    public IPAddress? OptionalIpv4(string name)
    {
        var value = Optional(name, 15);
        if (value is null)
            return null;
        return IPAddress.TryParse(value, out var ip) && ip.AddressFamily == AddressFamily.InterNetwork && ip.ToString() == value
            ? ip
            : throw Invalid(name, "it must be an IPv4 address such as 192.168.0.10.");
    }

    /// <summary>The request's region: required, and one of the catalog's.</summary>
    public Region Region()
    {
        var id = Required("RegionId", 64);
        return catalog.FindRegion(id) ?? throw new EipException(
            new EipError("InvalidRegionId.NotFound", $"The specified RegionId \"{id}\" does not exist. Call DescribeRegions for the list.", 404));
    }

    /// <summary>The region if given (it must exist), else null: some actions find the region from the resource.</summary>
    public Region? OptionalRegion() => Optional("RegionId", 64) is null ? null : Region();

    /// <summary>PageNumber (default 1) and PageSize (default 10, at most <paramref name="maxSize"/>).</summary>
    public (int Number, int Size) Page(int maxSize)
    {
        var number = OptionalInt("PageNumber", 1, 1_000_000) ?? 1;
        var size = OptionalInt("PageSize", 1, maxSize) ?? 10;
        return (number, size);
    }

    public static EipException Invalid(string name, string why) => new(EipError.InvalidParameter(name, why));
}

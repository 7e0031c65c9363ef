using System.Globalization;
using Eipnet.Domain.Addressing;
using Eipnet.Domain.Errors;

namespace Eipnet.Domain.SecurityGroups;

/// <summary>Checks and normalises the values of one security group rule (alibaba-api.md §2.9, "Rule value facts").</summary>
/// <remarks>Each check names the request field it read, so the error tells the caller which of several permissions is wrong.
/// A null value means the field was not given.</remarks>
public static class RuleValues
{
    /// <summary>The protocols Eipnet filters; IPv6 (ICMPv6) and raw protocol numbers are not offered.</summary>
    public static readonly IReadOnlyList<string> Protocols = ["TCP", "UDP", "ICMP", "GRE", "ALL"];

    /// <summary>The port range of protocols without ports.</summary>
    public const string NoPorts = "-1/-1";

    public const string Accept = "accept", Drop = "drop";

    public const int MinPriority = 1, MaxPriority = 100, DefaultPriority = 1;

    /// <summary>The protocol in upper case; the API accepts any case.</summary>
    public static (string? Value, EipError? Error) Protocol(string field, string value)
    {
        var upper = value.ToUpperInvariant();
        return Protocols.Contains(upper) ? (upper, null) : (null, SecurityGroupErrors.IpProtocolNotSupported(field, value));
    }

    /// <summary>"start/end" for TCP and UDP (required), "-1/-1" for the others (the default when absent).</summary>
    public static (string? Value, EipError? Error) PortRange(string field, string? value, string protocol)
    {
        var hasPorts = protocol is "TCP" or "UDP";
        if (value is null)
            return hasPorts ? (null, EipError.MissingParameter(field)) : (NoPorts, null);
        if (!hasPorts)
            return value == NoPorts ? (value, null) : (null, SecurityGroupErrors.PortRangeMalformed(field, value, protocol));
        var slash = value.IndexOf('/');
        if (slash > 0
            && int.TryParse(value.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            && int.TryParse(value.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var end)
            && start is >= 1 and <= 65535 && end is >= 1 and <= 65535 && start <= end)
            return (FormattableString.Invariant($"{start}/{end}"), null);
        return (null, SecurityGroupErrors.PortRangeMalformed(field, value, protocol));
    }

    /// <summary>An IPv4 address or an IPv4 network in CIDR form; kept as written, because clients compare it with what they sent.</summary>
    public static EipError? Cidr(string code, string field, string value) =>
        Ipv4Cidr.TryParse(value, out _) || Ipv4Cidr.TryParseAddress(value, out _) ? null : SecurityGroupErrors.CidrMalformed(code, field, value);

    /// <summary>accept (default) or drop, any case, stored in lower case.</summary>
    public static (string? Value, EipError? Error) Policy(string field, string? value) => value?.ToLowerInvariant() switch
    {
        null => (Accept, null),
        Accept => (Accept, null),
        Drop => (Drop, null),
        _ => (null, SecurityGroupErrors.PolicyMalformed(field, value)),
    };

    /// <summary>1-100, default 1.</summary>
    public static (int Value, EipError? Error) Priority(string field, string? value)
    {
        if (value is null)
            return (DefaultPriority, null);
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= MinPriority and <= MaxPriority
            ? (n, null)
            : (0, SecurityGroupErrors.PriorityNotSupported(field, value));
    }
}

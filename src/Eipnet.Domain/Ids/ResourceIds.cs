using System.Security.Cryptography;

namespace Eipnet.Domain.Ids;

/// <summary>Makes and checks Alibaba-style ids: a prefix and 20 lowercase alphanumerics.</summary>
public static class ResourceIds
{
    public const string Eip = "eip-";
    public const string NetworkInterface = "eni-";
    public const string Instance = "i-";
    public const string Vpc = "vpc-";
    public const string VSwitch = "vsw-";
    public const string SecurityGroup = "sg-";
    public const string SecurityGroupRule = "sgr-";
    public const string Account = "acc-";

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static string New(string prefix) => prefix + RandomNumberGenerator.GetString(Alphabet, 20);

    public static string NewRequestId() => Guid.NewGuid().ToString("D").ToUpperInvariant();

    /// <summary>True when <paramref name="value"/> has the prefix followed by 1-64 id characters.</summary>
    public static bool LooksLike(string value, string prefix)
    {
        if (!value.StartsWith(prefix, StringComparison.Ordinal) || value.Length == prefix.Length || value.Length > prefix.Length + 64)
            return false;
        foreach (var c in value.AsSpan(prefix.Length))
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_' && c != '*')
                return false;
        }
        return true;
    }
}

namespace Eipnet.DataPlane.Linux;

/// <summary>Interface names derived from an ENI id; both fit IFNAMSIZ (15 characters).</summary>
/// <remarks>The name is the first 14 id characters after "eni-" behind a one-letter side marker, so the same ENI keeps the
/// same names across restarts and moves (ids are 20 random characters, so 14 of them do not collide in practice).</remarks>
public static class EniNames
{
    private const int IdChars = 14;

    /// <summary>The interface the guest sees, inside the instance namespace.</summary>
    public static string Inside(string eniId) => "e" + Suffix(eniId);

    /// <summary>The host end of the ENI's veth pair, in the gateway namespace; security groups and anti-spoofing match on it.</summary>
    public static string Gateway(string eniId) => GatewayMarker + Suffix(eniId);

    /// <summary>The first letter of every gateway-side ENI interface (nft matches "g*"); the uplink must not start with it.</summary>
    public const string GatewayMarker = "g";

    private static string Suffix(string eniId) => Suffix(eniId, "eni-");

    /// <summary>The first 14 letters and digits of an id after its type prefix.</summary>
    public static string Suffix(string id, string typePrefix)
    {
        id = id.StartsWith(typePrefix, StringComparison.Ordinal) ? id[typePrefix.Length..] : id;
        var clean = new string(id.Where(char.IsAsciiLetterOrDigit).ToArray());
        return clean.Length <= IdChars ? clean : clean[..IdChars];
    }
}

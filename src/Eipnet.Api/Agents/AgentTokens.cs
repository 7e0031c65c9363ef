using System.Security.Cryptography;
using System.Text;

namespace Eipnet.Api.Agents;

/// <summary>Agent tokens: "NAME.SECRET", 32 random bytes of secret in hex; the server keeps only the SHA-256 of the secret.</summary>
public static class AgentTokens
{
    /// <summary>Lower-case letters, digits and '-', 1-63 characters, as a host name label.</summary>
    public static bool IsValidName(string name) =>
        name.Length is > 0 and <= 63 && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') && name[0] != '-';

    public static (string Token, string SecretSha256) New(string name)
    {
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        return ($"{name}.{secret}", Hash(secret));
    }

    /// <summary>Splits "NAME.SECRET"; false when it is not shaped so.</summary>
    public static bool TryParse(string? token, out string name, out string secret)
    {
        name = secret = "";
        var dot = token?.IndexOf('.') ?? -1;
        if (dot <= 0 || dot == token!.Length - 1)
            return false;
        (name, secret) = (token[..dot], token[(dot + 1)..]);
        return IsValidName(name);
    }

    /// <summary>Whether <paramref name="secret"/> is the one whose hash is stored, in time that does not depend on where they differ.</summary>
    public static bool Matches(string secret, string storedSha256) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(storedSha256));

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}

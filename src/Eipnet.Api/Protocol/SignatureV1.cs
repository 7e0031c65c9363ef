using System.Security.Cryptography;
using System.Text;

namespace Eipnet.Api.Protocol;

/// <summary>Alibaba's RPC signature V1: base64 HMAC-SHA1 over every parameter except Signature.</summary>
public static class SignatureV1
{
    /// <summary>Returns the base64 value of the Signature parameter for these decoded parameters (query and form body together).</summary>
    public static string Sign(string httpMethod, IEnumerable<KeyValuePair<string, string>> parameters, string accessKeySecret)
    {
        ArgumentNullException.ThrowIfNull(httpMethod);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(accessKeySecret);
        return Compute(StringToSign(httpMethod, parameters), accessKeySecret);
    }

    /// <summary>METHOD&amp;%2F&amp;encode(canonical parameters); the canonical string is encoded a second time, so % becomes %25.</summary>
    internal static string StringToSign(string httpMethod, IEnumerable<KeyValuePair<string, string>> parameters) =>
        httpMethod + "&" + PercentEncoding.Encode("/") + "&"
        + PercentEncoding.Encode(CanonicalPairs.Join(parameters.Where(p => p.Key != "Signature")));

    internal static string Compute(string stringToSign, string accessKeySecret) =>
        Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(accessKeySecret + "&"), Encoding.UTF8.GetBytes(stringToSign)));
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Eipnet.Domain.Errors;

namespace Eipnet.Api.Protocol;

/// <summary>Checks a call's V1 or V3 signature and its timestamp window; a null result means the call is authentic.</summary>
public static class SignatureVerifier
{
    /// <summary>How far the signed time may lie from the server's clock, in either direction.</summary>
    public static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(15);

    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    // The SDKs always sign these; without any of them a V3 signature would not pin the call, its time or its body.
    private static readonly string[] RequiredSignedHeaders =
        ["host", "x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256"];

    /// <summary>Checks that the call carries a complete signature, an AccessKeyId, a nonce and a timestamp; needs no secret.</summary>
    public static EipError? CheckPresent(RpcCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.Kind == SignatureKind.None)
            return Incomplete("");
        if (call.Authorization is { } authorization)
        {
            if (authorization.Credential is null || authorization.SignedHeaders is null || authorization.Signature is null)
                return Incomplete(" The Authorization header needs Credential, SignedHeaders and Signature.");
            var names = authorization.SignedHeaderNames;
            if (RequiredSignedHeaders.FirstOrDefault(required => !names.Contains(required)) is { } unsigned)
                return Incomplete($" SignedHeaders must include {unsigned}.");
            // The body hash pins the bytes, but only a signed content-type pins that they are read as parameters.
            if (call.FormPairs.Count > 0 && !names.Contains("content-type"))
                return Incomplete(" SignedHeaders must include content-type when the body carries parameters.");
        }
        if (string.IsNullOrEmpty(call.AccessKeyId))
            return EipError.MissingParameter("AccessKeyId");
        if (string.IsNullOrEmpty(call.Nonce))
            return EipError.MissingParameter("SignatureNonce");
        if (string.IsNullOrEmpty(call.Timestamp))
            return EipError.MissingParameter("Timestamp");
        return null;
    }

    /// <summary>Runs <see cref="CheckPresent"/>, then checks the timestamp against <paramref name="now"/> and the signature against the secret.</summary>
    /// <remarks>Nonce reuse is not checked here: that needs the database.</remarks>
    public static EipError? Verify(RpcCall call, string accessKeySecret, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(accessKeySecret);
        return CheckPresent(call)
            ?? CheckTimestamp(call.Timestamp!, now)
            ?? (call.Kind == SignatureKind.V1 ? VerifyV1(call, accessKeySecret) : VerifyV3(call, accessKeySecret));
    }

    private static EipError? CheckTimestamp(string timestamp, DateTimeOffset now)
    {
        if (!DateTimeOffset.TryParseExact(timestamp, TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt))
            return new EipError("InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted.", 400);
        if ((signedAt - now).Duration() > AllowedSkew)
            return new EipError("InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.", 400);
        return null;
    }

    private static EipError? VerifyV1(RpcCall call, string accessKeySecret)
    {
        if (call.Get("SignatureMethod") is not { } method)
            return EipError.MissingParameter("SignatureMethod");
        if (method != "HMAC-SHA1")
            return EipError.InvalidParameter("SignatureMethod", "only HMAC-SHA1 is supported.");
        if (call.Get("SignatureVersion") is not { } version)
            return EipError.MissingParameter("SignatureVersion");
        if (version != "1.0")
            return EipError.InvalidParameter("SignatureVersion", "only 1.0 is supported.");

        // Form-body parameters are signed too (Terraform and pop-core POST put most of them there).
        var stringToSign = SignatureV1.StringToSign(call.HttpMethod, call.QueryPairs.Concat(call.FormPairs));
        return Matches(SignatureV1.Compute(stringToSign, accessKeySecret), call.Get("Signature")!)
            ? null
            : NotMatched(stringToSign);
    }

    private static EipError? VerifyV3(RpcCall call, string accessKeySecret)
    {
        var authorization = call.Authorization!;
        // The SDK signs the header, not the body itself, so the header must be proven to describe this body.
        if (!string.Equals(call.Header("x-acs-content-sha256")?.Trim(), call.BodySha256, StringComparison.OrdinalIgnoreCase))
            return new EipError("SignatureDoesNotMatch", "The x-acs-content-sha256 header does not match the SHA-256 of the request body.", 400);

        // The signed host is the Host the request arrived with (a mismatch fails the comparison below); a request without one
        // (HTTP/1.0 allows it) would let a signature made with an empty host pass for any server.
        if (string.IsNullOrWhiteSpace(call.Header("host")))
            return new EipError("SignatureDoesNotMatch", "The request has no Host header, which the signature must cover.", 400);

        var headers = authorization.SignedHeaderNames
            .Select(name => (name, (IReadOnlyList<string>)(call.Headers.GetValueOrDefault(name) ?? [])));
        var stringToSign = SignatureV3.StringToSign(
            call.HttpMethod, call.CanonicalUri, call.QueryPairs, headers, authorization.SignedHeaders!, call.BodySha256);
        return Matches(SignatureV3.Compute(stringToSign, accessKeySecret), authorization.Signature!)
            ? null
            : NotMatched(stringToSign);
    }

    private static bool Matches(string expected, string given) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given));

    // The v1 Go SDK parses the text after "server string to sign is:" to tell a wrong secret from its own bug.
    private static EipError NotMatched(string stringToSign) =>
        new("SignatureDoesNotMatch", "Specified signature is not matched with our calculation. server string to sign is:" + stringToSign, 400);

    private static EipError Incomplete(string detail) =>
        new("IncompleteSignature", "The request signature does not conform to Aliyun standards." + detail, 400);
}

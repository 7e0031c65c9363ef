namespace Eipnet.Api.Tests.Infrastructure;

/// <summary>How a test request is signed and sent, covering what the official clients do.</summary>
public enum Signing
{
    /// <summary>V3 (ACS3-HMAC-SHA256), POST, parameters in the query: the 7.x SDKs' default.</summary>
    V3,
    /// <summary>V1 (HMAC-SHA1), POST, everything in the query: SDKs with signatureAlgorithm 'v2', the CLI.</summary>
    V1Query,
    /// <summary>V1, GET: pop-core's default.</summary>
    V1Get,
    /// <summary>V1, POST with a form body: pop-core with method POST, Terraform.</summary>
    V1Form,
}

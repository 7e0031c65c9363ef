namespace Eipnet.Api.Protocol;

/// <summary>Which Alibaba signature a request carries.</summary>
public enum SignatureKind
{
    /// <summary>Neither an ACS3-HMAC-SHA256 Authorization header nor a Signature parameter.</summary>
    None,

    /// <summary>HMAC-SHA1 over every parameter, in the Signature parameter.</summary>
    V1,

    /// <summary>ACS3-HMAC-SHA256 in the Authorization header.</summary>
    V3,
}

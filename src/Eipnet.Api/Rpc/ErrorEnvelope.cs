using System.Text.Json;
using Eipnet.Contracts.Common;
using Eipnet.Domain.Errors;

namespace Eipnet.Api.Rpc;

/// <summary>Alibaba's error envelope: the one place that turns an <see cref="EipError"/> into the body a client parses.</summary>
/// <remarks>Used by the dispatcher for every refused call and by the connection layer for requests Kestrel refuses before
/// the dispatcher runs (docs/api.md, "Refusals and connection limits").</remarks>
public static class ErrorEnvelope
{
    /// <summary>Exactly this spelling: the Tea SDKs compare content types literally.</summary>
    public const string JsonContentType = "application/json;charset=utf-8";

    /// <summary>The envelope as JSON; <paramref name="product"/> null (not known yet) answers as VPC.</summary>
    public static byte[] Json(string requestId, string? product, EipError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var productName = product ?? Products.Vpc;
        var body = new RpcErrorResponse(
            requestId, Products.HostId(productName), error.Code, error.Message,
            $"https://api.aliyun.com/troubleshoot?q={Uri.EscapeDataString(error.Code)}&product={productName}&requestId={requestId}");
        return JsonSerializer.SerializeToUtf8Bytes(body, CommonJsonContext.Default.RpcErrorResponse);
    }
}

using System.Globalization;
using System.Text;
using Eipnet.Api.Rpc;
using Eipnet.Domain.Errors;
using Microsoft.AspNetCore.WebUtilities;

namespace Eipnet.Api.Connections;

/// <summary>A complete HTTP/1.1 error response (status line, headers, envelope) for a connection the app never saw.</summary>
internal static class RawErrorResponse
{
    /// <summary>The response; it asks the client to close, as Kestrel closes the connection after a rejection.</summary>
    /// <remarks>Always JSON: the request may not have been parsed far enough to see Format=XML. A HEAD request gets the
    /// headers only.</remarks>
    public static byte[] Build(string requestId, EipError error, bool withBody, DateTimeOffset now)
    {
        var body = ErrorEnvelope.Json(requestId, product: null, error);
        var head = string.Create(CultureInfo.InvariantCulture,
            $"HTTP/1.1 {error.HttpStatus} {ReasonPhrases.GetReasonPhrase(error.HttpStatus)}\r\nContent-Type: {ErrorEnvelope.JsonContentType}\r\nContent-Length: {body.Length}\r\nConnection: close\r\nDate: {now.UtcDateTime:r}\r\n\r\n");
        var headBytes = Encoding.ASCII.GetBytes(head);
        return withBody ? [.. headBytes, .. body] : headBytes;
    }
}

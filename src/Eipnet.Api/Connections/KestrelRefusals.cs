using System.Diagnostics;
using Eipnet.Domain.Errors;
using Eipnet.Domain.Ids;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Eipnet.Api.Connections;

/// <summary>Turns every request Kestrel rejects before the app runs (malformed, too long, too large, too slow) into
/// Alibaba's error envelope, in place of Kestrel's empty-bodied 4xx.</summary>
/// <remarks>Kestrel reports each rejection through its public DiagnosticSource event
/// "Microsoft.AspNetCore.Server.Kestrel.BadRequest", synchronously and before it writes its own answer; this observer
/// arms the connection's <see cref="RefusalWriter"/>, which then sends the envelope instead.</remarks>
public sealed partial class KestrelRefusals(KestrelServerLimits limits, TimeProvider time, ILogger<KestrelRefusals> log)
    : IObserver<KeyValuePair<string, object?>>
{
    public const string BadRequestEvent = "Microsoft.AspNetCore.Server.Kestrel.BadRequest";

    /// <summary>Subscribes to the host's listener; dispose the result to stop.</summary>
    public IDisposable Observe(DiagnosticListener listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        return listener.Subscribe(this, name => name == BadRequestEvent);
    }

    /// <summary>The envelope's error for a rejection Kestrel reports with <paramref name="status"/> and <paramref name="detail"/>.</summary>
    public EipError ToError(int status, string detail) => status switch
    {
        StatusCodes.Status408RequestTimeout => EipError.RequestTimeout(limits.RequestHeadersTimeout),
        StatusCodes.Status413PayloadTooLarge => EipError.RequestBodyTooLarge(limits.MaxRequestBodySize ?? 0),
        StatusCodes.Status414UriTooLong => EipError.RequestLineTooLong(limits.MaxRequestLineSize),
        StatusCodes.Status431RequestHeaderFieldsTooLarge => EipError.RequestHeadersTooLarge(limits.MaxRequestHeadersTotalSize, limits.MaxRequestHeaderCount),
        StatusCodes.Status505HttpVersionNotsupported => EipError.HttpVersionNotSupported(),
        // Everything else Kestrel refuses is a request it could not parse (400, and 405/411 for request forms it rejects).
        _ => EipError.RequestMalformed(detail) with { HttpStatus = status is >= 400 and < 500 ? status : StatusCodes.Status400BadRequest },
    };

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key != BadRequestEvent || value.Value is not IFeatureCollection features)
            return;
        var connection = features.Get<GuardedConnection>();
        var rejected = features.Get<IBadRequestExceptionFeature>()?.Error;
        // Kestrel also reports bad data found after a response began (draining an unread body); it then closes the
        // connection without another answer, and a second response would corrupt the first.
        if (connection is null || rejected is null || features.Get<IHttpResponseFeature>()?.HasStarted != false)
            return;
        var status = rejected is Microsoft.AspNetCore.Http.BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest;
        var error = ToError(status, rejected.Message);
        var requestId = ResourceIds.NewRequestId();
        var head = HttpMethods.IsHead(features.Get<IHttpRequestFeature>()?.Method ?? "");
        connection.Output.Refuse(RawErrorResponse.Build(requestId, error, withBody: !head, time.GetUtcNow()));
        LogRefused(error.Code, error.HttpStatus, status, rejected.Message, requestId);
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "refused code={Code} status={Status} kestrel={KestrelStatus} reason=\"{Reason}\" request={RequestId}")]
    private partial void LogRefused(string code, int status, int kestrelStatus, string reason, string requestId);
}

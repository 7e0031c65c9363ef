using System.Data.Common;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Eipnet.Api.Authentication;
using Eipnet.Api.Connections;
using Eipnet.Api.Protocol;
using Eipnet.Api.Reconciliation;
using Eipnet.Domain.Errors;
using Eipnet.Domain.Ids;
using Eipnet.Domain.Resources;
using Eipnet.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Eipnet.Api.Rpc;

using Eipnet.Domain.Catalog; // inside the namespace: Eipnet.Api.Catalog would hide the Catalog record

/// <summary>The one HTTP endpoint: reads the call, authenticates it, runs the action, writes JSON or XML.</summary>
public sealed partial class RpcDispatcher(
    ActionTable actions, IEipStore store, Catalog catalog, ChangeSignal changes, AccountCache accounts, NonceLedger nonces,
    AccountThrottle throttle, TimeProvider time, ILogger<RpcDispatcher> log, Metrics.ServerMetrics metrics)
{
    // Parameters that describe the envelope, not the operation: they differ between retries of one ClientToken call.
    private static readonly HashSet<string> EnvelopeParameters = new(StringComparer.Ordinal)
    {
        "AccessKeyId", "Action", "Version", "Format", "Signature", "SignatureMethod", "SignatureVersion", "SignatureNonce",
        "SignatureType", "Timestamp", "SecurityToken", "ClientToken", "SourceIp", "SecureTransport",
    };

    public async Task HandleAsync(HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        var requestId = ResourceIds.NewRequestId();
        string? actionName = null, accountId = null, product = null, knownAction = null;
        var code = "OK";
        var wantsXml = false;
        try
        {
            // A connection beyond the limit gets one answer and is closed (docs/api.md, "Refusals and connection limits").
            if (http.Features.Get<GuardedConnection>() is { OverLimit: true } guarded)
            {
                http.Response.Headers.Connection = "close";
                throw new EipException(EipError.Throttling(guarded.Limit));
            }
            var read = await RpcCallReader.ReadAsync(http.Request, http.RequestAborted);
            var call = read.Call ?? throw new EipException(read.Error!);
            wantsXml = call.WantsXml;
            actionName = call.Action;
            product = Products.FromVersion(call.Version);

            var account = await AuthenticateAsync(call, http.RequestAborted);
            accountId = account.AccountId;
            throttle.Take(account.AccountId);

            if (string.IsNullOrEmpty(call.Action))
                throw new EipException(EipError.MissingParameter("Action"));
            if (string.IsNullOrEmpty(call.Version))
                throw new EipException(EipError.MissingParameter("Version"));
            if (product is null)
                throw new EipException(new EipError("InvalidVersion", $"Specified parameter Version \"{call.Version}\" is not valid. Use {Products.VpcVersion} (VPC) or {Products.EcsVersion} (ECS).", 400));
            // Alibaba's code, but 400 rather than the 404 seen from Alibaba: Terraform's provider reads any 404 from a Describe as
            // "the resource is gone" and would drop resources from state on an action Eipnet lacks (docs/decisions.md).
            var action = actions.Find(product, call.Action)
                ?? throw new EipException(new EipError("InvalidAction.NotFound", $"Specified api \"{call.Action}\" is not found, please check your url and method.", 400));

            knownAction = action.Name;
            var ctx = new RpcContext(call.Parameters, account, requestId, catalog, store, time, http.RequestAborted);
            var body = await RunAsync(action, ctx);
            await WriteAsync(http, 200, body, call.WantsXml, action.Name + "Response");
        }
        catch (EipException e)
        {
            code = e.Error.Code;
            await WriteErrorAsync(http, requestId, product, e.Error, wantsXml);
        }
        catch (Exception e) when (e is DbException or TimeoutException or System.Net.Sockets.SocketException)
        {
            var error = EipError.ServiceUnavailable();
            code = error.Code;
            LogEnvironmentFailure(e, requestId);
            await WriteErrorAsync(http, requestId, product, error, wantsXml);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            code = "ClientClosed";
        }
        catch (Exception e)
        {
            var error = EipError.InternalError();
            code = error.Code;
            LogInternalError(e, requestId);
            await WriteErrorAsync(http, requestId, product, error, wantsXml);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            LogRequest(actionName ?? "-", accountId ?? "-", code, elapsed.TotalMilliseconds, requestId);
            // Only registered action names become labels: a caller's made-up Action must not grow the series without bound.
            metrics.ObserveRequest(knownAction ?? "-", code, elapsed);
        }
    }

    private async Task<Account> AuthenticateAsync(RpcCall call, CancellationToken ct)
    {
        if (SignatureVerifier.CheckPresent(call) is { } missing)
            throw new EipException(missing);
        var account = await accounts.FindAsync(call.AccessKeyId!, ct)
            ?? throw new EipException(new EipError("InvalidAccessKeyId.NotFound", "Specified access key is not found.", 404));
        if (SignatureVerifier.Verify(call, account.AccessKeySecret, time.GetUtcNow()) is { } bad)
            throw new EipException(bad);
        // The nonce is recorded only for a correctly signed call, so nobody can burn another caller's nonces.
        if (!await nonces.TryUseAsync(account.AccessKeyId + ":" + call.Nonce))
            throw new EipException(new EipError("SignatureNonceUsed", "Specified signature nonce was used already.", 400));
        return account;
    }

    private async Task<byte[]> RunAsync(RpcAction action, RpcContext ctx)
    {
        var token = action.Mutating ? ctx.Optional("ClientToken", 64) : null;
        if (token is null)
            return await RunAndWakeAsync(action, ctx);
        if (!token.All(char.IsAscii))
            throw RpcContext.Invalid("ClientToken", "it must contain ASCII characters only.");

        var claim = await store.ClaimTokenAsync(ctx.Account.AccountId, token, action.Name, ParametersHash(ctx.Parameters), time.GetUtcNow(), ctx.Cancellation);
        switch (claim.State)
        {
            case TokenClaimState.Completed:
                return Encoding.UTF8.GetBytes(claim.Response!);
            case TokenClaimState.Mismatch:
                throw new EipException(new EipError("IdempotentParameterMismatch", "The same ClientToken was used with different parameters. Use a new ClientToken for a different request.", 400));
            case TokenClaimState.InProgress:
                throw new EipException(new EipError("LastTokenProcessing", "The previous request with the same ClientToken is still being processed. Retry later with the same ClientToken.", 403));
        }
        try
        {
            var body = await RunAndWakeAsync(action, ctx);
            await store.CompleteTokenAsync(ctx.Account.AccountId, token, Encoding.UTF8.GetString(body), ctx.Cancellation);
            return body;
        }
        catch
        {
            // Only successes are remembered: a failed call may be retried with the same token.
            await store.ReleaseTokenAsync(ctx.Account.AccountId, token, CancellationToken.None);
            throw;
        }
    }

    private async Task<byte[]> RunAndWakeAsync(RpcAction action, RpcContext ctx)
    {
        var body = await action.Run(ctx);
        if (action.Mutating)
            changes.Pulse();
        return body;
    }

    private static string ParametersHash(IReadOnlyDictionary<string, string> parameters)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in parameters.Where(p => !EnvelopeParameters.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal))
            text.Append(key).Append('=').Append(value).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static Task WriteErrorAsync(HttpContext http, string requestId, string? product, EipError error, bool xml)
    {
        if (http.Response.HasStarted)
            return Task.CompletedTask;
        return WriteAsync(http, error.HttpStatus, ErrorEnvelope.Json(requestId, product, error), xml, "Error");
    }

    private static async Task WriteAsync(HttpContext http, int status, byte[] json, bool xml, string xmlRoot)
    {
        http.Response.StatusCode = status;
        if (xml)
        {
            http.Response.ContentType = XmlRendering.ContentType;
            await http.Response.WriteAsync(XmlRendering.FromJson(json, xmlRoot), Encoding.UTF8);
            return;
        }
        http.Response.ContentType = ErrorEnvelope.JsonContentType;
        http.Response.ContentLength = json.Length;
        await http.Response.Body.WriteAsync(json);
    }

    // One line per request; never the secret, the signature or the parameters.
    [LoggerMessage(Level = LogLevel.Information, Message = "rpc action={Action} account={Account} code={Code} ms={DurationMs:F1} request={RequestId}")]
    private partial void LogRequest(string action, string account, string code, double durationMs, string requestId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Internal error in request {RequestId}")]
    private partial void LogInternalError(Exception e, string requestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Environment failure in request {RequestId}")]
    private partial void LogEnvironmentFailure(Exception e, string requestId);
}

using System.Globalization;
using System.Text.Json;
using Eipnet.Api.Reconciliation;
using Eipnet.Api.Rpc;
using Eipnet.DataPlane;
using Eipnet.DataPlane.Feed;
using Eipnet.Domain.Errors;
using Eipnet.Domain.Ids;
using Eipnet.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Eipnet.Api.Agents;

/// <summary>The server's side of the agent contract (<see cref="AgentWire"/>): a watch of the intent and the applied reports.</summary>
public sealed partial class AgentFeed(
    IEipStore store, ChangeSignal changes, TransitionCompleter completer, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<AgentFeed> log,
    AgentTraffic traffic, Metrics.ServerMetrics metrics)
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);

    // Other servers sharing the database signal nothing here: a watch also looks at the store this often.
    private static readonly TimeSpan PollPeriod = TimeSpan.FromSeconds(1);

    private const int MaxReportBytes = 4096;

    // "Last seen" is for operators: written at most this often per agent, not on every watch of a busy host.
    private static readonly TimeSpan SeenResolution = TimeSpan.FromSeconds(5);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> lastSeen = new(StringComparer.Ordinal);

    /// <summary>Whether the request is for the agent contract rather than the RPC API.</summary>
    public static bool Handles(HttpContext http) => http.Request.Path.StartsWithSegments("/agent", StringComparison.Ordinal);

    public async Task HandleAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var ct = http.RequestAborted;
        try
        {
            var agent = await AuthenticateAsync(http, ct);
            if (http.Request.Path == AgentWire.ChangesPath && HttpMethods.IsGet(http.Request.Method))
                await ChangesAsync(http, agent, ct);
            else if (http.Request.Path == AgentWire.AppliedPath && HttpMethods.IsPost(http.Request.Method))
                await AppliedAsync(http, agent, ct);
            else if (http.Request.Path == TrafficWire.Path && HttpMethods.IsPost(http.Request.Method))
                await traffic.ReportAsync(http, agent, ct);
            else
                throw new EipException(new EipError("InvalidAction.NotFound", $"The agent contract has no {http.Request.Method} {http.Request.Path}.", 404));
        }
        catch (EipException e)
        {
            await WriteErrorAsync(http, e.Error);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The agent went away mid-watch.
        }
    }

    private async Task<string> AuthenticateAsync(HttpContext http, CancellationToken ct)
    {
        var header = http.Request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        if (!header.StartsWith(bearer, StringComparison.Ordinal) || !AgentTokens.TryParse(header[bearer.Length..].Trim(), out var name, out var secret))
            throw Unauthorized("The request has no agent token (Authorization: Bearer NAME.SECRET).");
        var agent = await store.GetAgentAsync(name, ct);
        if (agent is null || !AgentTokens.Matches(secret, agent.TokenSha256))
        {
            LogRefused(name);
            throw Unauthorized($"The token of agent \"{name}\" is not valid; `eipnet admin agent add {name}` gives it a new one.");
        }
        return name;
    }

    private async Task ChangesAsync(HttpContext http, string agent, CancellationToken ct)
    {
        var after = QueryLong(http, "after", 0);
        var full = QueryLong(http, "full", 0) switch
        {
            0 => false,
            1 => true,
            _ => throw Invalid("full must be 0 or 1."),
        };
        var wait = TimeSpan.FromMilliseconds(Math.Min(QueryLong(http, "wait", (long)AgentWire.DefaultWait.TotalMilliseconds), (long)MaxWait.TotalMilliseconds));
        var now = time.GetUtcNow();
        if (!lastSeen.TryGetValue(agent, out var seenAt) || now - seenAt >= SeenResolution)
        {
            await store.TouchAgentAsync(agent, now, ct);
            lastSeen[agent] = now;
        }
        var deadline = time.GetUtcNow() + wait;
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(ct, lifetime.ApplicationStopping);
        while (true)
        {
            var seen = changes.Version;
            var changed = await store.ReadChangesAsync(after, ct);
            // Everything when asked, when the agent knows nothing, when it names a generation this store never had (a new
            // database), or one older than the change log still holds (trimmed once every agent applied it).
            if (full || after == 0 || after > changed.Revision || after < await store.AppliedRevisionAsync(ct))
            {
                await WriteAsync(http, await DesiredLoader.LoadAsync(store, changed with { Changed = [] }, full: true, ct), ct);
                return;
            }
            if (changed.Revision > after)
            {
                await WriteAsync(http, await DesiredLoader.LoadAsync(store, changed, full: false, ct), ct);
                return;
            }
            var left = deadline - time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                http.Response.StatusCode = StatusCodes.Status204NoContent;
                return;
            }
            // A stopping server ends its watches (204) instead of holding its shutdown for a whole wait.
            try
            {
                await changes.WaitAsync(seen, left < PollPeriod ? left : PollPeriod, time, stopping.Token);
            }
            catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                http.Response.StatusCode = StatusCodes.Status204NoContent;
                return;
            }
        }
    }

    private async Task AppliedAsync(HttpContext http, string agent, CancellationToken ct)
    {
        if (http.Request.ContentLength is > MaxReportBytes)
            throw Invalid($"A report is at most {MaxReportBytes} bytes.");
        AppliedReport? report;
        try
        {
            report = await JsonSerializer.DeserializeAsync(http.Request.Body, AgentWire.Json.AppliedReport, ct);
        }
        catch (JsonException e)
        {
            throw Invalid("The report is not an AppliedReport in JSON: " + e.Message);
        }
        var current = (await store.ReadChangesAsync(long.MaxValue, ct)).Revision;
        if (report is null || report.Generation < 0 || report.Generation > current)
            throw Invalid($"Generation must be between 0 and {current}, the store's latest.");
        await store.ReportAgentAppliedAsync(agent, report.Generation, time.GetUtcNow(), ct);
        LogApplied(agent, report.Generation, report.Full, report.Resources, report.Milliseconds);
        metrics.ObserveAgentPass(agent, report.Full, report.Milliseconds);
        completer.Wake();
        http.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private static async Task WriteAsync(HttpContext http, DesiredChanges desired, CancellationToken ct)
    {
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(http.Response.Body, desired, AgentWire.Json.DesiredChanges, ct);
    }

    private static long QueryLong(HttpContext http, string name, long fallback)
    {
        var text = http.Request.Query[name].ToString();
        if (text.Length == 0)
            return fallback;
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid($"{name} must be a non-negative integer, not \"{text}\".");
    }

    private static Task WriteErrorAsync(HttpContext http, EipError error)
    {
        if (http.Response.HasStarted)
            return Task.CompletedTask;
        var json = ErrorEnvelope.Json(ResourceIds.NewRequestId(), null, error);
        http.Response.StatusCode = error.HttpStatus;
        http.Response.ContentType = ErrorEnvelope.JsonContentType;
        http.Response.ContentLength = json.Length;
        return http.Response.Body.WriteAsync(json, http.RequestAborted).AsTask();
    }

    private static EipException Unauthorized(string message) => new(new EipError("InvalidAgentToken", message, 401));

    private static EipException Invalid(string message) => new(new EipError("InvalidParameter", message, 400));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an agent request: bad token for agent {Agent}")]
    private partial void LogRefused(string agent);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Agent {Agent} applied generation {Generation} (full {Full}, {Resources} resources, {Milliseconds:F1} ms)")]
    private partial void LogApplied(string agent, long generation, bool full, int resources, double milliseconds);
}

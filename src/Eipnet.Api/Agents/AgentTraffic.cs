using System.Text.Json;
using Eipnet.DataPlane.Feed;
using Eipnet.Domain.Billing;
using Eipnet.Domain.Errors;
using Eipnet.Domain.Metering;
using Eipnet.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Eipnet.Api.Agents;

/// <summary>POST /agent/v1/traffic: stores an agent's <see cref="TrafficReport"/> as per-minute samples (see
/// <see cref="IEipStore.RecordTrafficAsync"/>); authenticated by <see cref="AgentFeed"/> like the other agent calls.</summary>
public sealed partial class AgentTraffic(IEipStore store, TimeProvider time, ILogger<AgentTraffic> log)
{
    /// <summary>Raised after a report is stored, with the traffic it added per EIP (the metrics keep per-EIP totals from it).</summary>
    public event Action<IReadOnlyList<(string AllocationId, EipTraffic Delta)>>? Stored;

    public async Task ReportAsync(HttpContext http, string agent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Request.ContentLength is > TrafficWire.MaxReportBytes)
            throw Invalid($"A traffic report is at most {TrafficWire.MaxReportBytes} bytes.");
        TrafficReport? report;
        try
        {
            report = await JsonSerializer.DeserializeAsync(http.Request.Body, TrafficWire.Json.TrafficReport, ct);
        }
        catch (JsonException e)
        {
            throw Invalid("The report is not a TrafficReport in JSON: " + e.Message);
        }
        if (report?.Eips is null || string.IsNullOrWhiteSpace(report.CountersSince) || report.CountersSince.Length > MaxText)
            throw Invalid($"A traffic report needs CountersSince (the agent's start time, at most {MaxText} characters) and Eips.");
        var readings = new List<(string, TrafficCounters)>(report.Eips.Count);
        foreach (var e in report.Eips)
        {
            if (e is null)
                throw Invalid("Eips holds a null entry.");
            var counters = new TrafficCounters(e.RxBytes, e.TxBytes, e.RxPackets, e.TxPackets);
            var problem = string.IsNullOrEmpty(e.AllocationId) || e.AllocationId.Length > MaxText
                ? $"AllocationId must be 1 to {MaxText} characters"
                : TrafficDeltas.Check(counters);
            if (problem is not null)
                throw Invalid($"The counters of \"{e.AllocationId}\" are not valid: {problem}.");
            readings.Add((e.AllocationId, counters));
        }
        var stored = await store.RecordTrafficAsync(agent, report.CountersSince, readings, time.GetUtcNow(), ct);
        LogStored(agent, stored.Count, readings.Count);
        Stored?.Invoke(stored);
        http.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private const int MaxText = 64;

    private static EipException Invalid(string message) => new(new EipError("InvalidParameter", message, 400));

    [LoggerMessage(Level = LogLevel.Debug, Message = "Agent {Agent} reported traffic of {Stored} EIPs ({Reported} in the report)")]
    private partial void LogStored(string agent, int stored, int reported);
}

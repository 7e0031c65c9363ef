using System.Globalization;
using Eipnet.Api.Rpc;
using Eipnet.Contracts.Eips;
using Eipnet.Domain.Errors;
using Eipnet.Domain.Metering;

namespace Eipnet.Api.Eips;

/// <summary>DescribeEipMonitorData: an EIP's metered traffic per period, from the samples agents report (issue 13).</summary>
public static class EipMonitoring
{
    public static async Task<DescribeEipMonitorDataResponse> DescribeAsync(RpcContext ctx)
    {
        var region = ctx.OptionalRegion();
        var allocationId = ctx.Required("AllocationId", 64);
        var start = Time(ctx, "StartTime", "InvalidStartTime.Malformed");
        var end = Time(ctx, "EndTime", "InvalidEndTime.Malformed");
        var periodText = ctx.Optional("Period", 16);
        var period = 60;
        if (periodText is not null && !int.TryParse(periodText, NumberStyles.None, CultureInfo.InvariantCulture, out period))
            throw RpcContext.Invalid("Period", "it must be 60, 300, 900 or 3600.");
        var (window, error) = MonitorWindow.Create(start, end, period);
        if (error is not null)
            throw new EipException(error);
        await ctx.Store.ReadAsync(s => Find.EipAsync(s, ctx, allocationId, region?.RegionId), ctx.Cancellation);
        var samples = await ctx.Store.EipTrafficSamplesAsync(allocationId, window!.Start, window.End, ctx.Cancellation);
        var points = window.Points(samples).Select(p => new EipMonitorData(
            p.Traffic.BytesIn, p.Traffic.BytesOut, p.Traffic.PacketsIn + p.Traffic.PacketsOut, p.Traffic.BytesIn + p.Traffic.BytesOut,
            p.Bandwidth, Times.Format(p.Start))).ToList();
        return new DescribeEipMonitorDataResponse(ctx.RequestId, new EipMonitorDataList(points));
    }

    // Alibaba takes yyyy-MM-ddTHH:mm:ssZ (UTC); anything else is the parameter's Malformed code.
    private static DateTimeOffset Time(RpcContext ctx, string name, string malformed)
    {
        var text = ctx.Required(name, 32);
        return DateTimeOffset.TryParseExact(text, ["yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mmZ"], CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t
            : throw new EipException(new EipError(malformed, $"The specified parameter \"{name}\" is not valid: use UTC yyyy-MM-ddTHH:mm:ssZ, not \"{text}\".", 400));
    }
}

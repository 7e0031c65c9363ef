namespace Eipnet.DataPlane.Trace;

/// <summary>One step of a trace: what was looked at ("source", "eip", "translation", "route", "security-group", ...) and
/// what it found, in words.</summary>
public sealed record TraceStep(string Stage, string Detail);

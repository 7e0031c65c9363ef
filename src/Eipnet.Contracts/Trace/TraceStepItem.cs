namespace Eipnet.Contracts.Trace;

/// <summary>One step: the stage ("source", "eip", "translation", "route", "target", "security-group") and what it found.</summary>
public sealed record TraceStepItem(string Stage, string Detail);

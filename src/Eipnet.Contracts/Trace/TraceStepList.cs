namespace Eipnet.Contracts.Trace;

/// <summary>The steps of a trace, in order (Alibaba's list wrapping: Steps.Step[]).</summary>
public sealed record TraceStepList(IReadOnlyList<TraceStepItem> Step);

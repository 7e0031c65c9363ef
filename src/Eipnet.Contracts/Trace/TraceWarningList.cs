namespace Eipnet.Contracts.Trace;

/// <summary>Warnings of a trace (Warnings.Warning[]): protocols NAT mode breaks, addresses the guest must configure.</summary>
public sealed record TraceWarningList(IReadOnlyList<string> Warning);

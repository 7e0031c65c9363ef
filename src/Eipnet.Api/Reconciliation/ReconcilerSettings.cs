namespace Eipnet.Api.Reconciliation;

/// <summary>How often the reconciler hands the data plane the whole intent (start-up always does).</summary>
public sealed record ReconcilerSettings(TimeSpan ResyncPeriod);

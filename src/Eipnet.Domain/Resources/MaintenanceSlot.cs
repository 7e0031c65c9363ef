namespace Eipnet.Domain.Resources;

/// <summary>One maintenance window of an instance, from and to a UTC hour ("HH:00:00Z"; it may wrap past midnight).</summary>
public sealed record MaintenanceSlot(string StartTime, string EndTime);

namespace Eipnet.Contracts.Instances;

public sealed record MaintenanceWindow(string StartTime, string EndTime);

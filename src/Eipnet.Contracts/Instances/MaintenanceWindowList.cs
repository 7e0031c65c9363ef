namespace Eipnet.Contracts.Instances;

public sealed record MaintenanceWindowList(IReadOnlyList<MaintenanceWindow> MaintenanceWindow);

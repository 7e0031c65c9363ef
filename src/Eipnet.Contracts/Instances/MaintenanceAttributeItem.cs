namespace Eipnet.Contracts.Instances;

/// <summary>An instance's maintenance settings: its windows, the action on maintenance (AutoRecover unless set) and whether to notify.</summary>
public sealed record MaintenanceAttributeItem(string InstanceId, MaintenanceWindowList MaintenanceWindows, MaintenanceAction ActionOnMaintenance, bool NotifyOnMaintenance);

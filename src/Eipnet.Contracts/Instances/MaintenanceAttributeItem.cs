namespace Eipnet.Contracts.Instances;

/// <summary>An instance's maintenance settings: no windows, AutoRecover, no notification (Eipnet never maintains an instance).</summary>
public sealed record MaintenanceAttributeItem(string InstanceId, MaintenanceWindowList MaintenanceWindows, MaintenanceAction ActionOnMaintenance, bool NotifyOnMaintenance);

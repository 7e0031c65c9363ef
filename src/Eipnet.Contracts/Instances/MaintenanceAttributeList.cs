namespace Eipnet.Contracts.Instances;

public sealed record MaintenanceAttributeList(IReadOnlyList<MaintenanceAttributeItem> MaintenanceAttribute);

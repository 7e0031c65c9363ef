namespace Eipnet.Contracts.Instances;

public sealed record MaintenanceActionValues(IReadOnlyList<string> SupportedValue);

namespace Eipnet.Contracts.Instances;

/// <summary>The action on maintenance: the value, its default and the values allowed.</summary>
public sealed record MaintenanceAction(string Value, string DefaultValue, MaintenanceActionValues SupportedValues);

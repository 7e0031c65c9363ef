namespace Eipnet.Contracts.Regions;

/// <summary>One value; Min, Max and Unit only for sizes (null: left out).</summary>
public sealed record SupportedResourceItem(string Value, string Status, string StatusCategory, int? Min = null, int? Max = null, string? Unit = null);

namespace Eipnet.Contracts.Regions;

/// <summary>The Regions.Region[] wrapper.</summary>
public sealed record RegionList(IReadOnlyList<RegionItem> Region);

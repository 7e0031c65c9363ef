namespace Eipnet.Contracts.Regions;

/// <summary>The InstanceTypes.InstanceType[] wrapper; an empty list is [].</summary>
public sealed record InstanceTypeList(IReadOnlyList<InstanceTypeItem> InstanceType);

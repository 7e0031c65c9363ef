namespace Eipnet.Contracts.Instances;

/// <summary>DescribeInstanceMaintenanceAttributes: one item per instance asked for.</summary>
public sealed record DescribeInstanceMaintenanceAttributesResponse(string RequestId, int TotalCount, int PageNumber, int PageSize, MaintenanceAttributeList MaintenanceAttributes);

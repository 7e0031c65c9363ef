namespace Eipnet.Contracts.Regions;

/// <summary>The answer of the ECS API's DescribeInstanceTypes; NextToken is empty on the last page.</summary>
public sealed record DescribeInstanceTypesResponse(string RequestId, string NextToken, InstanceTypeList InstanceTypes);

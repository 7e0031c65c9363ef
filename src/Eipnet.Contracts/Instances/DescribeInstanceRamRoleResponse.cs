namespace Eipnet.Contracts.Instances;

/// <summary>DescribeInstanceRamRole: each instance asked for, with its RAM role (none in Eipnet).</summary>
public sealed record DescribeInstanceRamRoleResponse(string RequestId, string RegionId, int TotalCount, RamRoleSetList InstanceRamRoleSets);

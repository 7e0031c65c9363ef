namespace Eipnet.Contracts.SecurityGroups;

/// <summary>A security group with its rules, as DescribeSecurityGroupAttribute shows it.</summary>
/// <remarks>InnerAccessPolicy is Accept: members of one group reach each other. NextToken is empty on the last page.</remarks>
public sealed record DescribeSecurityGroupAttributeResponse(
    string RequestId,
    string RegionId,
    string SecurityGroupId,
    string SecurityGroupName,
    string Description,
    string VpcId,
    string InnerAccessPolicy,
    string NextToken,
    PermissionList Permissions);

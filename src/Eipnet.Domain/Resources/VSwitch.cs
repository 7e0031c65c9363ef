namespace Eipnet.Domain.Resources;

/// <summary>A subnet of a VPC in one zone; private addresses of ENIs come from its CIDR.</summary>
public sealed record VSwitch(
    string VSwitchId,
    string AccountId,
    string RegionId,
    string VpcId,
    string ZoneId,
    string CidrBlock,
    string VSwitchName,
    string Description,
    DateTimeOffset CreationTime);

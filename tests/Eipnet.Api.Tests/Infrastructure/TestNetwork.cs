namespace Eipnet.Api.Tests.Infrastructure;

/// <summary>A VPC with one vSwitch and one security group of the same account (see <see cref="Fixtures.NetworkAsync"/>).</summary>
public sealed record TestNetwork(string VpcId, string VSwitchId, string SecurityGroupId);

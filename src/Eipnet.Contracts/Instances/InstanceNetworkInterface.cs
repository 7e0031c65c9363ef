namespace Eipnet.Contracts.Instances;

/// <summary>An ENI on the instance as DescribeInstances shows it; Type is Primary or Secondary.</summary>
public sealed record InstanceNetworkInterface(string NetworkInterfaceId, string Type, string MacAddress, string PrimaryIpAddress, InstancePrivateIpSetList PrivateIpSets);

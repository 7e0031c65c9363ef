namespace Eipnet.Contracts.NetworkInterfaces;

/// <summary>Where an ENI is attached; DeviceIndex 0 is the primary ENI.</summary>
public sealed record EniAttachment(string InstanceId, int DeviceIndex, int NetworkCardIndex, string TrunkNetworkInterfaceId);

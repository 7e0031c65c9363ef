namespace Eipnet.Domain.Associations;

/// <summary>Where an EIP points: the id the caller named (an instance or an ENI), the ENI that carries it, and the private IP.</summary>
/// <remarks>TargetType is the wire InstanceType: "EcsInstance" (TargetId is the instance, the EIP sits on its primary ENI) or
/// "NetworkInterface". For MULTI_BINDED the PrivateIpAddress shown is the ENI's primary address; nothing is translated to it.</remarks>
public sealed record Association(
    string TargetId,
    string TargetType,
    string NetworkInterfaceId,
    string PrivateIpAddress,
    AssociationMode Mode)
{
    public const string EcsInstance = "EcsInstance";
    public const string NetworkInterface = "NetworkInterface";

    /// <summary>True when the caller named the private IP; DescribeEipAddresses shows PrivateIpAddress only then.</summary>
    /// <remarks>Terraform's alicloud_eip_association treats private_ip_address as Optional, ForceNew and not Computed: a
    /// value it did not send would replace the association on every plan. The mapping stays visible on the ENI
    /// (AssociatedPublicIp of each private IP).</remarks>
    public bool PrivateIpAddressRequested { get; init; }
}

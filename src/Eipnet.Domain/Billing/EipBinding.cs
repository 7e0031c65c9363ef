using Eipnet.Domain.Associations;

namespace Eipnet.Domain.Billing;

/// <summary>What an EIP was bound to during a stretch of its history: the target the caller named, the ENI that carried it,
/// whether that ENI was an instance's primary ENI, and the mode.</summary>
/// <remarks>TargetType is the wire InstanceType ("EcsInstance" or "NetworkInterface"). An EIP on an ENI stays bound to the ENI
/// when the ENI moves between instances, so a move does not end a binding.</remarks>
public sealed record EipBinding(string TargetType, string TargetId, string NetworkInterfaceId, bool OnPrimaryEni, AssociationMode Mode);

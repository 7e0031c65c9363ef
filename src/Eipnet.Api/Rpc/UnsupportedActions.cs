using Eipnet.Contracts.Common;
using Eipnet.Domain.Errors;

namespace Eipnet.Api.Rpc;

/// <summary>Actions Terraform's provider calls only for features Eipnet does not have: each answers
/// OperationUnsupported.&lt;feature&gt; (400) saying what to do instead, rather than the generic unknown-action answer, and
/// changes nothing. The list is docs/api.md's "Not supported".</summary>
public static class UnsupportedActions
{
    private static readonly (string Product, string Action, string Feature, string Why)[] Refused =
    [
        (Products.Vpc, "CreateDefaultVpc", "DefaultVpc", "no VPC is a default one; create it with CreateVpc."),
        (Products.Vpc, "CreateDefaultVSwitch", "DefaultVSwitch", "no VPC is a default one; create the vSwitch with CreateVSwitch."),
        (Products.Vpc, "AssociateVpcCidrBlock", "SecondaryCidrBlock", "a VPC has one IPv4 CIDR block; widen it with ModifyVpcAttribute CidrBlock."),
        (Products.Vpc, "UnassociateVpcCidrBlock", "SecondaryCidrBlock", "a VPC has one IPv4 CIDR block and no secondary ones."),
        (Products.Vpc, "EnableVpcClassicLink", "ClassicLink", "there is no classic network to link; ClassicLinkEnabled is always false."),
        (Products.Vpc, "DisableVpcClassicLink", "ClassicLink", "there is no classic network; ClassicLinkEnabled is always false already."),
        (Products.Vpc, "SetHighDefinitionMonitorLogStatus", "HighDefinitionMonitorLog", "there is no log service to write monitoring logs to."),
        (Products.Vpc, "DescribeHighDefinitionMonitorLogAttribute", "HighDefinitionMonitorLog", "there is no log service; monitoring logs are never on."),
        (Products.Ecs, "ModifyInstanceNetworkSpec", "PublicBandwidth", "instances have no public bandwidth of their own; associate an EIP."),
        (Products.Ecs, "AllocatePublicIpAddress", "PublicBandwidth", "instances have no static public IP; associate an EIP."),
        (Products.Ecs, "ModifyPrepayInstanceSpec", "PrePaid", "instances are pay-as-you-go; use ModifyInstanceSpec."),
        (Products.Ecs, "ModifyInstanceChargeType", "PrePaid", "instances are pay-as-you-go (PostPaid) only."),
        (Products.Ecs, "ModifyInstanceAutoRenewAttribute", "PrePaid", "instances are pay-as-you-go; there is nothing to renew."),
        (Products.Ecs, "DescribeInstanceAutoRenewAttribute", "PrePaid", "instances are pay-as-you-go; there is nothing to renew."),
        (Products.Ecs, "ModifyInstanceAutoReleaseTime", "AutoRelease", "instances are never released by the server; delete them with DeleteInstance."),
        (Products.Ecs, "ModifyInstanceDeployment", "DeploymentSet", "there are no deployment sets or dedicated hosts."),
        (Products.Ecs, "AttachKeyPair", "KeyPair", "there are no key pairs (the lab's instances have no login)."),
        (Products.Ecs, "DetachKeyPair", "KeyPair", "there are no key pairs (the lab's instances have no login)."),
        (Products.Ecs, "AttachInstanceRamRole", "RamRole", "there are no RAM roles."),
        (Products.Ecs, "DetachInstanceRamRole", "RamRole", "there are no RAM roles."),
        (Products.Ecs, "ModifyInstanceAttachmentAttributes", "PrivatePool", "there are no private pools."),
        (Products.Ecs, "ModifyInstanceMetadataOptions", "MetadataService", "instances have no metadata service."),
        (Products.Ecs, "ApplyAutoSnapshotPolicy", "Snapshot", "disks hold no data and have no snapshots."),
        (Products.Ecs, "AssignIpv6Addresses", "Ipv6", "networks are IPv4 only."),
        (Products.Ecs, "UnassignIpv6Addresses", "Ipv6", "networks are IPv4 only."),
    ];

    public static IEnumerable<(string Product, string Action, string Feature)> All => Refused.Select(r => (r.Product, r.Action, r.Feature));

    public static void Register(ActionTable table)
    {
        foreach (var (product, action, feature, why) in Refused)
            table.Add(RpcAction.Read(product, action, _ => Task.FromException<RequestIdResponse>(new EipException(EipError.Unsupported(feature, action, why))),
                CommonJsonContext.Default.RequestIdResponse));
    }
}

using Eipnet.Domain.Errors;
using Eipnet.Domain.Resources;
using Eipnet.Domain.Tagging;

namespace Eipnet.Api.Tagging;

/// <summary>The resource types each product's tag actions accept, by their ResourceType (matched case-insensitively, as
/// Alibaba does).</summary>
public static class TaggedTypes
{
    /// <summary>The VPC API's: VPC, VSWITCH and EIP (ROUTETABLE and the rest are refused: Eipnet does not tag them).</summary>
    public static readonly IReadOnlyList<TaggedType> Vpc =
    [
        new TaggedType<Domain.Resources.Vpc>("VPC", v => v.VpcId, v => (v.AccountId, v.RegionId), v => v.Tags, (v, t) => v with { Tags = t }),
        new TaggedType<VSwitch>("VSWITCH", v => v.VSwitchId, v => (v.AccountId, v.RegionId), v => v.Tags, (v, t) => v with { Tags = t }),
        new TaggedType<Eip>("EIP", e => e.AllocationId, e => (e.AccountId, e.RegionId), e => e.Tags, (e, t) => e with { Tags = t }, indexed: false,
            canChange: LabelRules.CheckEip),
    ];

    /// <summary>The ECS API's: securitygroup and instance (each with its resource group), eni, and disk (instances' system disks).</summary>
    public static readonly IReadOnlyList<TaggedType> Ecs =
    [
        new TaggedType<SecurityGroup>("securitygroup", g => g.SecurityGroupId, g => (g.AccountId, g.RegionId), g => g.Tags, (g, t) => g with { Tags = t },
            withGroup: (g, group) => g with { ResourceGroupId = group }),
        // An ENI's resource group is set at creation only (Terraform's resource_group_id is ForceNew): JoinResourceGroup refuses it.
        new TaggedType<NetworkInterface>("eni", n => n.NetworkInterfaceId, n => (n.AccountId, n.RegionId), n => n.Tags, (n, t) => n with { Tags = t },
            canChange: LabelRules.CheckEni),
        new TaggedType<Instance>("instance", i => i.InstanceId, i => (i.AccountId, i.RegionId), i => i.Tags, (i, t) => i with { Tags = t },
            canChange: InstanceRules.CheckChange, withGroup: (i, group) => i with { ResourceGroupId = group }),
        new DiskTaggedType(),
    ];

    /// <summary>ECS resource types that Eipnet has or knows but does not tag: DescribeTags finds no tag on them, the change
    /// actions refuse them.</summary>
    public static readonly IReadOnlyList<string> EcsUntagged =
        ["volume", "image", "snapshot", "launchtemplate", "ddh", "keypair", "snapshotpolicy", "reservedinstance"];

    public static TaggedType Find(IReadOnlyList<TaggedType> types, string name) =>
        types.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new EipException(TagErrors.ResourceTypeNotSupported(name, types.Select(t => t.Name)));
}

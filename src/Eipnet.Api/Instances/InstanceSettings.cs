using Eipnet.Api.Rpc;
using Eipnet.Domain.Resources;

namespace Eipnet.Api.Instances;

/// <summary>RunInstances parameters beyond the network: the system disk, and what Eipnet refuses instead of dropping.</summary>
internal static class InstanceSettings
{
    /// <summary>SystemDisk.Category, .Size, .DiskName, .Description and .PerformanceLevel; the rest of the SystemDisk.*
    /// family (encryption, snapshot policies, IOPS) is refused.</summary>
    public static SystemDisk SystemDisk(RpcContext ctx)
    {
        var category = ctx.OneOf("SystemDisk.Category", [.. Domain.Resources.SystemDisk.Categories]) ?? Domain.Resources.SystemDisk.Default.Category;
        var size = ctx.OptionalInt("SystemDisk.Size", Domain.Resources.SystemDisk.MinSize, Domain.Resources.SystemDisk.MaxSize) ?? Domain.Resources.SystemDisk.Default.Size;
        var name = ctx.Text("SystemDisk.DiskName", 2, 128) ?? "";
        var description = ctx.Text("SystemDisk.Description", 2, 256) ?? "";
        var level = ctx.OneOf("SystemDisk.PerformanceLevel", "PL0", "PL1", "PL2", "PL3") ?? (category == "cloud_essd" ? "PL0" : "");
        foreach (var field in new[] { "Encrypted", "KMSKeyId", "EncryptAlgorithm", "AutoSnapshotPolicyId", "StorageClusterId", "ProvisionedIops", "BurstingEnabled" })
        {
            if (field == "Encrypted" ? ctx.OptionalBool("SystemDisk.Encrypted") == true : ctx.Optional("SystemDisk." + field, 128) is not null)
                throw RpcContext.Invalid("SystemDisk." + field, "Eipnet's system disks are plain disks; leave it out.");
        }
        return new SystemDisk(category, size, name, description, level);
    }

    /// <summary>Parameters that would ask for something Eipnet does not have: refused, so a client never believes it got it.</summary>
    public static void RefuseUnmodelled(RpcContext ctx)
    {
        if (ctx.Parameters.Any(p => p.Key.StartsWith("DataDisk.", StringComparison.Ordinal) && p.Value.Length > 0))
            throw RpcContext.Invalid("DataDisk", "Eipnet's instances have a system disk only; leave DataDisk.N out.");
        ctx.Refuse("KeyPairName", "Eipnet has no key pairs; leave it out.");
        ctx.Refuse("RamRoleName", "Eipnet has no RAM roles; leave it out.");
        ctx.Refuse("LaunchTemplateId", "Eipnet has no launch templates; leave it out.");
        ctx.Refuse("LaunchTemplateName", "Eipnet has no launch templates; leave it out.");
        ctx.Refuse("DeploymentSetId", "Eipnet has no deployment sets; leave it out.");
        ctx.Refuse("DedicatedHostId", "Eipnet has no dedicated hosts; leave it out.");
        ctx.Refuse("HpcClusterId", "Eipnet has no HPC clusters; leave it out.");
        ctx.Refuse("AutoReleaseTime", "Eipnet does not release instances by itself; leave it out.");
        if (ctx.OneOf("SpotStrategy", "NoSpot", "SpotWithPriceLimit", "SpotAsPriceGo") is "SpotWithPriceLimit" or "SpotAsPriceGo")
            throw RpcContext.Invalid("SpotStrategy", "Eipnet has no spot instances; use NoSpot or leave it out.");
        if (ctx.OneOf("CreditSpecification", "Standard", "Unlimited") == "Unlimited")
            throw RpcContext.Invalid("CreditSpecification", "Eipnet's instances have no CPU credits; leave it out.");
        foreach (var spot in new[] { "SpotPriceLimit", "SpotDuration", "SpotInterruptionBehavior" })
            ctx.Refuse(spot, "Eipnet has no spot instances; leave it out.");
        ctx.Refuse("DeploymentSetGroupNo", "Eipnet has no deployment sets; leave it out.");
        foreach (var metadata in new[] { "HttpEndpoint", "HttpTokens", "HttpPutResponseHopLimit" })
            ctx.Refuse(metadata, "Eipnet's instances have no metadata service; leave it out.");
        foreach (var cpu in new[] { "CpuOptions.Core", "CpuOptions.ThreadsPerCore", "CpuOptions.TopologyType", "CpuOptions.Numa" })
            ctx.Refuse(cpu, "Eipnet's instances take the CPU of their instance type; leave it out.");
        ctx.Refuse("PrivatePoolOptions.Id", "Eipnet has no private pools; leave it out.");
        if (ctx.OneOf("PrivatePoolOptions.MatchCriteria", "Open", "Target", "None") == "Target")
            throw RpcContext.Invalid("PrivatePoolOptions.MatchCriteria", "Eipnet has no private pools; use Open or None, or leave it out.");
        if (ctx.OptionalBool("NetworkOptions.EnableJumboFrame") == true)
            throw RpcContext.Invalid("NetworkOptions.EnableJumboFrame", "Eipnet's interfaces use a 1500-byte MTU; leave it out.");
        if (ctx.OptionalBool("ImageOptions.LoginAsNonRoot") == true)
            throw RpcContext.Invalid("ImageOptions.LoginAsNonRoot", "the lab's instances have no login; leave it out.");
        if (ctx.OptionalBool("AdditionalInfo.EnableHighDensityMode") == true)
            throw RpcContext.Invalid("AdditionalInfo.EnableHighDensityMode", "Eipnet's instances have no high-density mode; leave it out.");
        if (ctx.OneOf("IoOptimized", "optimized", "none") == "none")
            throw RpcContext.Invalid("IoOptimized", "Eipnet's instances are I/O optimized; leave it out.");
        if (ctx.OneOf("Tenancy", "default", "host") == "host")
            throw RpcContext.Invalid("Tenancy", "Eipnet has no dedicated hosts; leave it out.");
        if (ctx.RepeatList("Ipv6Address", 10).Count > 0 || ctx.OptionalInt("Ipv6AddressCount", 0, 10) > 0)
            throw RpcContext.Invalid("Ipv6Address", "Eipnet's networks are IPv4 only; leave it out.");
        // The NetworkInterface.N form (a given primary ENI, traffic modes, network cards, queues): Eipnet creates the primary
        // ENI from VSwitchId and the groups, and secondary ENIs are attached with AttachNetworkInterface.
        if (ctx.Parameters.Any(p => p.Key.StartsWith("NetworkInterface.", StringComparison.Ordinal) && p.Value.Length > 0))
            throw RpcContext.Invalid("NetworkInterface", "give VSwitchId and SecurityGroupIds.N (the primary ENI is made from them) and attach secondary ENIs with AttachNetworkInterface.");
    }
}

namespace Eipnet.Domain.Resources;

/// <summary>An instance's system disk as RunInstances described it: category, size in GiB, name, description and ESSD
/// performance level, and the disk's own tags. It stores no data; DescribeDisks shows it with the id d- and the instance's
/// suffix.</summary>
public sealed record SystemDisk(string Category, int Size, string DiskName, string Description, string PerformanceLevel)
{
    /// <summary>The disk's tags (ECS tag actions with ResourceType disk), in the order they were first set.</summary>
    public IReadOnlyList<ResourceTag> Tags { get; init; } = [];

    /// <summary>What an instance gets when RunInstances names none: a 40 GiB ESSD at PL0.</summary>
    public static readonly SystemDisk Default = new("cloud_essd", 40, "", "", "PL0");

    /// <summary>The categories Eipnet accepts, as DescribeZones and DescribeAvailableResource list them.</summary>
    public static readonly IReadOnlyList<string> Categories = ["cloud_essd", "cloud_ssd", "cloud_efficiency", "cloud_auto", "cloud_essd_entry"];

    public const int MinSize = 20, MaxSize = 2048;
}

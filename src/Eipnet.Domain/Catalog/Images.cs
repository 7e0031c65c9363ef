namespace Eipnet.Domain.Catalog;

/// <summary>The small catalogue of public (system) images DescribeImages lists: enough for Terraform's alicloud_images
/// data source to find a Linux image to launch from. All are Linux, x86_64, Available, with cloud-init.</summary>
/// <remarks>RunInstances does not check ImageId against it: the lab's instances are namespaces, whatever image they name.</remarks>
public static class Images
{
    public static readonly IReadOnlyList<Image> All =
    [
        new("ubuntu_22_04_x64_20G_alibase_20240130.vhd", "ubuntu_22_04_x64_20G_alibase_20240130.vhd", "acs:ubuntu_22_04_x64", "22.04",
            "Ubuntu  22.04 64位", "Ubuntu  22.04 64 bit", "Ubuntu", "x86_64", 20, new DateTimeOffset(2024, 1, 30, 0, 0, 0, TimeSpan.Zero)),
        new("ubuntu_24_04_x64_20G_alibase_20240812.vhd", "ubuntu_24_04_x64_20G_alibase_20240812.vhd", "acs:ubuntu_24_04_x64", "24.04",
            "Ubuntu  24.04 64位", "Ubuntu  24.04 64 bit", "Ubuntu", "x86_64", 20, new DateTimeOffset(2024, 8, 12, 0, 0, 0, TimeSpan.Zero)),
        new("debian_12_6_x64_20G_alibase_20240823.vhd", "debian_12_6_x64_20G_alibase_20240823.vhd", "acs:debian_12_x64", "12.6",
            "Debian  12.6 64位", "Debian  12.6 64 bit", "Debian", "x86_64", 20, new DateTimeOffset(2024, 8, 23, 0, 0, 0, TimeSpan.Zero)),
        new("aliyun_3_x64_20G_alibase_20240819.vhd", "aliyun_3_x64_20G_alibase_20240819.vhd", "acs:alibaba_cloud_linux_3_2104_lts_x64", "3.2104",
            "Alibaba Cloud Linux  3.2104 LTS 64位", "Alibaba Cloud Linux  3.2104 LTS 64 bit", "Aliyun", "x86_64", 40,
            new DateTimeOffset(2024, 8, 19, 0, 0, 0, TimeSpan.Zero)),
    ];
}

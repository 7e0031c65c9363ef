using Eipnet.Api.Rpc;
using Eipnet.Contracts.Regions;
using Eipnet.Domain.Catalog;
using Eipnet.Domain.Errors;

namespace Eipnet.Api.Regions;

/// <summary>DescribeImages over the image catalogue (<see cref="Images"/>): public Linux images, the same in every region.</summary>
public static class ImageQueries
{
    public static Task<DescribeImagesResponse> DescribeAsync(RpcContext ctx)
    {
        var region = ctx.Region();
        var ids = ctx.CommaList("ImageId", 100);
        var name = ctx.Optional("ImageName", 128);
        var family = ctx.Optional("ImageFamily", 128);
        var osType = ctx.OneOf("OSType", "linux", "windows");
        var architecture = ctx.OneOf("Architecture", "i386", "x86_64", "arm64");
        var owners = ctx.CommaList("ImageOwnerAlias", 4);
        if (owners?.FirstOrDefault(o => o is not ("system" or "self" or "others" or "marketplace")) is { } badOwner)
            throw RpcContext.Invalid("ImageOwnerAlias", $"\"{badOwner}\" is not one of system, self, others, marketplace.");
        var statuses = ctx.CommaList("Status", 5) ?? ["Available"];
        var usage = ctx.OneOf("Usage", "instance", "none");
        var instanceType = ctx.Optional("InstanceType", 64);
        if (instanceType is not null && ctx.Catalog.FindInstanceType(instanceType) is null)
            throw new EipException(EcsErrors.InstanceTypeNotSupported(instanceType));
        var ioOptimized = ctx.OptionalBool("IsSupportIoOptimized");
        var cloudInit = ctx.OptionalBool("IsSupportCloudinit");
        ctx.OneOf("ActionType", "CreateEcs", "ChangeOS");
        ctx.OptionalBool("ShowExpired");
        var dryRun = ctx.OptionalBool("DryRun") ?? false;
        var (page, size) = ctx.Page(100);
        // The catalogue's images are public: a filter for a group, tags, a snapshot or another owner's images finds none.
        var owned = ResourceGroupParameter.Read(ctx) is not null || Tags.Read(ctx).Count > 0 || ctx.Optional("SnapshotId", 64) is not null
            || ctx.Optional("ImageOwnerId", 32) is not null || ctx.OptionalBool("IsPublic") == false;
        if (ctx.Parameters.Any(p => p.Key.StartsWith("Filter.", StringComparison.Ordinal) && p.Value.Length > 0))
            throw RpcContext.Invalid("Filter", "Eipnet filters images by the named parameters only (its catalogue has no creation-time filter).");
        if (dryRun)
            throw new EipException(EcsErrors.DryRunOperation());

        var images = Images.All.Where(i => !owned && (ids is null || ids.Contains(i.ImageId)) && (name is null || i.ImageName == name)
                && (family is null || i.ImageFamily == family) && osType is null or "linux" && (architecture is null || i.Architecture == architecture)
                && (owners is null || owners.Contains("system")) && statuses.Contains("Available") && usage is null or "instance"
                && ioOptimized is null or true && cloudInit is null or true)
            .ToList();
        var items = images.Skip((page - 1) * size).Take(size).Select(ToItem).ToList();
        return Task.FromResult(new DescribeImagesResponse(ctx.RequestId, region.RegionId, images.Count, page, size, new ImageList(items)));
    }

    /// <summary>DescribeImageSupportInstanceTypes: every catalogue image runs on every catalogue instance type (all are
    /// x86_64 and the lab does not boot them); an image DescribeImages does not list is not found.</summary>
    public static Task<DescribeImageSupportInstanceTypesResponse> SupportedInstanceTypesAsync(RpcContext ctx)
    {
        var region = ctx.Region();
        var imageId = ctx.Optional("ImageId", 128);
        var filters = ctx.ObjectList("Filter", 10);
        if (filters.FirstOrDefault(f => f.GetValueOrDefault("Key") is not (null or "imageId")) is { } bad)
            throw RpcContext.Invalid("Filter.N.Key", $"\"{bad.GetValueOrDefault("Key")}\" is not a filter; the only key is imageId.");
        var fromFilter = filters.Select(f => f.GetValueOrDefault("Value")).FirstOrDefault(v => v is { Length: > 0 });
        if (imageId is not null && fromFilter is not null && imageId != fromFilter)
            throw new EipException(EcsErrors.Conflict("ImageId", "Filter.N (imageId)"));
        imageId ??= fromFilter ?? throw new EipException(EipError.MissingParameter("ImageId"));
        ctx.OneOf("ActionType", "CreateEcs", "ChangeOS");
        if (Images.All.All(i => i.ImageId != imageId))
            throw new EipException(EipError.NotFound("InvalidImageId.NotFound", "image", imageId));
        var types = ctx.Catalog.InstanceTypes.Select(t => new ImageSupportInstanceType(t.InstanceTypeId, t.CpuCoreCount, t.MemorySize, t.InstanceTypeFamily)).ToList();
        return Task.FromResult(new DescribeImageSupportInstanceTypesResponse(ctx.RequestId, region.RegionId, imageId, new ImageSupportInstanceTypeList(types)));
    }

    private static ImageItem ToItem(Image i) => new()
    {
        ImageId = i.ImageId, ImageName = i.ImageName, ImageFamily = i.ImageFamily, ImageVersion = i.ImageVersion, Description = "",
        Architecture = i.Architecture, OSName = i.OSName, OSNameEn = i.OSNameEn, OSType = "linux", Platform = i.Platform, Status = "Available",
        Size = i.Size, ImageOwnerAlias = "system", IsSelfShared = "", IsSubscribed = false, IsCopied = false, IsSupportIoOptimized = true,
        IsSupportCloudinit = true, Progress = "100%", Usage = "instance", ProductCode = "", BootMode = "BIOS", CreationTime = Times.Format(i.CreationTime),
        DiskDeviceMappings = new ImageDiskDeviceMappingList([new ImageDiskDeviceMapping("/dev/xvda", i.Size.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "system", "", "")]),
        Tags = new ImageTagList([]),
    };
}

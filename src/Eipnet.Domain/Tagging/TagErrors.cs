using Eipnet.Domain.Errors;

namespace Eipnet.Domain.Tagging;

/// <summary>The errors of tags and resource groups, with the codes Alibaba's VPC API uses for them.</summary>
public static class TagErrors
{
    public static EipError InvalidKey() =>
        new("InvalidTagKey.Malformed", "A tag key is 1-128 characters, must not start with aliyun or acs:, and must not contain http:// or https://.", 400);

    public static EipError InvalidValue() =>
        new("InvalidTagValue.Malformed", "A tag value is 0-128 characters and must not contain http:// or https://.", 400);

    public static EipError DuplicatedKey(string key) =>
        new("Duplicate.TagKey", $"The tag key \"{key}\" is given twice.", 400);

    public static EipError TooManyInRequest() =>
        new("SizeLimitExceeded.TagNum", $"At most {TagRules.Max} tags can be given in one request.", 400);

    public static EipError TooManyResourceIds(int max) =>
        new("SizeLimitExceeded.ResourceId", $"At most {max} resource ids can be given in one request.", 400);

    public static EipError TooManyOnResource(string resourceId) =>
        new("QuotaExceeded.TagNum", $"The resource {resourceId} would carry more than {TagRules.Max} tags; remove some first.", 400);

    /// <summary>A resource named in TagResources or UnTagResources that the account does not have in the region.</summary>
    public static EipError ResourceNotFound(string resourceId) =>
        new("InvalidInstanceIds.NotFound", $"The resource {resourceId} does not exist in this region.", 400);

    public static EipError ResourceTypeNotSupported(string type, IEnumerable<string> supported) =>
        new("InvalidInstanceType.NotFound", $"The ResourceType \"{type}\" is not supported; use one of {string.Join(", ", supported)}.", 400);

    public static EipError InvalidResourceGroupId(string id) =>
        new("InvalidResourceGroupId", $"The ResourceGroupId \"{id}\" is not a resource group id such as rg-acfmxazb4ph6aiy.", 400);

    public static EipError MoveResourceTypeNotSupported(string type, IEnumerable<string> supported) =>
        new("IllegalParam.ResourceType", $"The ResourceType \"{type}\" cannot be moved between resource groups here; use one of {string.Join(", ", supported)}.", 400);

    public static EipError JoinResourceTypeNotSupported(string type) =>
        new("InvalidResourceType.NotSupported", $"Resources of type \"{type}\" have no resource group in Eipnet.", 400);

    public static EipError TagFilterNotSupported() =>
        new("InvalidParameter", "The specified parameter \"TagFilter\" is not valid: Eipnet filters by Tag.N.Key/Tag.N.Value; use those.", 400);

    /// <summary>The resource named in MoveResourceGroup does not exist (Alibaba answers 400 here, not 404).</summary>
    public static EipError MoveResourceNotFound(string resourceId) =>
        new("InvalidResourceId.NotFound", $"The resource {resourceId} does not exist in this region.", 400);
}

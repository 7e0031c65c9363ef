using Eipnet.Domain.Resources;
using Eipnet.Domain.Tagging;

namespace Eipnet.Domain.Tests.Tagging;

public sealed class TagRulesTests
{
    public static TheoryData<string, string, string?> TagCases => new()
    {
        // key                        value                  expected error code
        { "env",                      "prod",                null },
        { "env",                      "",                    null },
        { new string('k', 128),       new string('v', 128),  null },
        { "",                         "x",                   "InvalidTagKey.Malformed" },
        { new string('k', 129),       "x",                   "InvalidTagKey.Malformed" },
        { "aliyun-owned",             "x",                   "InvalidTagKey.Malformed" },
        { "ACS:thing",                "x",                   "InvalidTagKey.Malformed" },
        { "see http://x",             "x",                   "InvalidTagKey.Malformed" },
        { "env",                      new string('v', 129),  "InvalidTagValue.Malformed" },
        { "env",                      "https://x",           "InvalidTagValue.Malformed" },
    };

    [Theory, MemberData(nameof(TagCases))]
    public void Check_FollowsTagLimits(string key, string value, string? expected) =>
        Assert.Equal(expected, TagRules.Check([new ResourceTag(key, value)])?.Code);

    [Fact]
    public void Check_Rejects_AKeyGivenTwice() =>
        Assert.Equal("Duplicate.TagKey", TagRules.Check([new("a", "1"), new("a", "2")])?.Code);

    [Fact]
    public void Add_ReplacesValuesInPlace_AndAppendsNewKeys()
    {
        var (tags, error) = TagRules.Add("vpc-1", [new("a", "1"), new("b", "2")], [new("b", "3"), new("c", "4")]);
        Assert.Null(error);
        Assert.Equal([new("a", "1"), new("b", "3"), new("c", "4")], tags);
    }

    [Fact]
    public void Add_Refuses_MoreThanTwentyTagsOnOneResource()
    {
        var twenty = Enumerable.Range(1, 20).Select(i => new ResourceTag($"k{i}", "")).ToList();
        Assert.Null(TagRules.Add("vpc-1", twenty, [new("k1", "again")]).Error);
        var (tags, error) = TagRules.Add("vpc-1", twenty, [new("k21", "")]);
        Assert.Equal("QuotaExceeded.TagNum", error?.Code);
        Assert.Equal(twenty, tags);
    }

    [Fact]
    public void Match_NeedsEveryFilterTag_AnEmptyValueMatchingAnyValue()
    {
        IReadOnlyList<ResourceTag> resource = [new("env", "prod"), new("team", "net")];
        Assert.True(TagRules.Match(resource, [new("env", ""), new("team", "net")]));
        Assert.False(TagRules.Match(resource, [new("env", "dev")]));
        Assert.False(TagRules.Match(resource, [new("owner", "")]));
    }

    [Theory]
    [InlineData("rg-acfmxazb4ph6aiy", null)]
    [InlineData("rg-1", null)]
    [InlineData("rg-", "InvalidResourceGroupId")]
    [InlineData("rg-ABC", "InvalidResourceGroupId")]
    [InlineData("group-1", "InvalidResourceGroupId")]
    [InlineData("rg-a b", "InvalidResourceGroupId")]
    public void ResourceGroups_Check_AcceptsAlibabaShapedIdsOnly(string id, string? expected) =>
        Assert.Equal(expected, ResourceGroups.Check(id)?.Code);
}

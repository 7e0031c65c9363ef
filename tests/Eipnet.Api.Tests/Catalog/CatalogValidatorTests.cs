namespace Eipnet.Api.Tests.Catalog;

// Inside the namespace: otherwise `Catalog` would bind to the namespace Eipnet.Api.Tests.Catalog.
using Eipnet.Api.Catalog;
using Eipnet.Domain.Catalog;

public sealed class CatalogValidatorTests
{
    public static TheoryData<string, string?> PoolCases => new()
    {
        // pool                 expected problem (start of the text after the location), null = valid
        { "192.0.2.0/24",       null },
        { "198.51.100.0/24",    null },
        { "203.0.113.0/24",     null },
        { "203.0.113.128/25",   null },
        { "198.18.0.0/15",      null },
        { "198.19.255.0/24",    null },
        { "192.0.2.0/30",       null },
        { "192.0.2.0/23",       "outside the allowed ranges" },
        { "198.16.0.0/12",      "outside the allowed ranges" },
        { "10.0.0.0/8",         "outside the allowed ranges" },
        { "8.8.8.0/24",         "outside the allowed ranges" },
        { "192.0.2.4/31",       "has no usable address" },
        { "192.0.2.7/32",       "has no usable address" },
        { "192.0.2.1/24",       "not an IPv4 CIDR in canonical form (did you mean 192.0.2.0/24?)" },
        { "192.0.2.0",          "not an IPv4 CIDR in canonical form such as 192.0.2.0/24." },
        { "1.2.3/24",           "not an IPv4 CIDR in canonical form (did you mean 1.2.0.0/24?)" },
        { "192.0.2.0/33",       "not an IPv4 CIDR" },
        { "2001:db8::/32",      "not an IPv4 CIDR" },
        { "",                   "not an IPv4 CIDR" },
    };

    [Theory, MemberData(nameof(PoolCases))]
    public void Validate_ChecksPool_AgainstAllowedRanges(string pool, string? expected)
    {
        var problems = CatalogValidator.Validate(CatalogWithPools(pool));

        if (expected is null)
            Assert.Empty(problems);
        else
            Assert.StartsWith($"Regions[0] 'cn-hangzhou'.EipPools[0] '{pool}': {expected}", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RejectsPool_WhenItOverlapsAnotherInSameRegion()
    {
        var problems = CatalogValidator.Validate(CatalogWithPools("198.18.0.0/15", "198.19.0.0/16"));

        Assert.Equal(["Regions[0] 'cn-hangzhou'.EipPools[1] '198.19.0.0/16': overlaps 198.18.0.0/15 in the same region."], problems);
    }

    [Fact]
    public void Validate_AcceptsSamePool_InDifferentRegions()
    {
        Region Make(string id) => new(id, id, $"vpc.{id}.aliyuncs.com", [new Zone($"{id}-a", "Zone A")], false, false, ["192.0.2.0/24"]);
        var catalog = new Catalog([Make("cn-hangzhou"), Make("cn-beijing")], [G7Large]);

        Assert.Empty(CatalogValidator.Validate(catalog));
    }

    [Fact]
    public void Validate_RejectsZoneId_WhenAnotherRegionUsesIt()
    {
        var zone = new Zone("cn-hangzhou-h", "Hangzhou Zone H");
        var catalog = new Catalog(
            [
                new Region("cn-hangzhou", "China (Hangzhou)", "vpc.cn-hangzhou.aliyuncs.com", [zone], false, false, []),
                new Region("cn-beijing", "China (Beijing)", "vpc.cn-beijing.aliyuncs.com", [zone], false, false, []),
            ],
            [G7Large]);

        Assert.Equal(
            ["Regions[1] 'cn-beijing'.Zones[0] 'cn-hangzhou-h': duplicate ZoneId, already used by Regions[0] 'cn-hangzhou'.Zones[0] 'cn-hangzhou-h'."],
            CatalogValidator.Validate(catalog));
    }

    [Fact]
    public void Validate_RejectsCatalog_WhenItHasNoRegionsOrTypes()
    {
        Assert.Equal(
            ["Regions is missing or empty; at least one region is needed.", "InstanceTypes is missing or empty; at least one instance type is needed."],
            CatalogValidator.Validate(new Catalog([], [])));
    }

    private static readonly InstanceTypeSpec G7Large = new("ecs.g7.large", "ecs.g7", 2, 8, 3, 6, false);

    private static Catalog CatalogWithPools(params string[] pools) => new(
        [new Region("cn-hangzhou", "China (Hangzhou)", "vpc.cn-hangzhou.aliyuncs.com", [new Zone("cn-hangzhou-h", "Hangzhou Zone H")], true, false, pools)],
        [G7Large]);
}

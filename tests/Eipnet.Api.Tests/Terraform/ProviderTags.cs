using System.Text.Json;

namespace Eipnet.Api.Tests.Terraform;

/// <summary>The provider's tag handling (service_alicloud_vpc_v2.go and service_alicloud_ecs_v2.go SetResourceTags, tagsToMap).</summary>
public static class ProviderTags
{
    /// <summary>UnTagResources for the keys removed or changed, then TagResources with the whole new map (both in the body).</summary>
    public static async Task SetAsync(ProviderClient client, string id, string resourceType, IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        var removed = before.Where(t => !after.TryGetValue(t.Key, out var v) || v != t.Value).Select(t => t.Key).ToList();
        if (removed.Count > 0)
            (await client.Vpc("UnTagResources", [("ResourceId.1", id), ("RegionId", client.Region), .. removed.Select((k, i) => ($"TagKey.{i + 1}", k)),
                ("ResourceType", resourceType)])).Success();
        if (after.Count > 0)
            (await client.Vpc("TagResources", [("ResourceId.1", id), ("RegionId", client.Region),
                .. after.SelectMany((t, i) => new[] { ($"Tag.{i + 1}.Key", t.Key), ($"Tag.{i + 1}.Value", t.Value) }), ("ResourceType", resourceType)])).Success();
    }

    /// <summary>The ECS form (service_alicloud_ecs_v2.go SetResourceTags): UntagResources, then TagResources with the whole map.</summary>
    public static async Task SetEcsAsync(ProviderClient client, string id, string resourceType, IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        var removed = before.Where(t => !after.TryGetValue(t.Key, out var v) || v != t.Value).Select(t => t.Key).ToList();
        if (removed.Count > 0)
            (await client.Ecs("UntagResources", [("ResourceId.1", id), ("RegionId", client.Region), .. removed.Select((k, i) => ($"TagKey.{i + 1}", k)),
                ("ResourceType", resourceType)])).Success();
        if (after.Count > 0)
            (await client.Ecs("TagResources", [("ResourceId.1", id), ("RegionId", client.Region),
                .. after.SelectMany((t, i) => new[] { ($"Tag.{i + 1}.Key", t.Key), ($"Tag.{i + 1}.Value", t.Value) }), ("ResourceType", resourceType)])).Success();
    }

    /// <summary>True when the two tag maps differ (d.HasChange("tags")).</summary>
    public static bool Differ(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count != b.Count || a.Any(t => !b.TryGetValue(t.Key, out var v) || v != t.Value);

    /// <summary>Tags.Tag[] as the provider reads it: Key and Value must be strings; system keys are dropped.</summary>
    public static IReadOnlyDictionary<string, string> Read(JsonElement item) => Read(item, "Key", "Value");

    /// <summary>The ECS form, Tags.Tag[].{TagKey,TagValue}.</summary>
    public static IReadOnlyDictionary<string, string> ReadEcs(JsonElement item) => Read(item, "TagKey", "TagValue");

    private static IReadOnlyDictionary<string, string> Read(JsonElement item, string keyField, string valueField)
    {
        var map = new Dictionary<string, string>();
        foreach (var tag in item.GetProperty("Tags").GetProperty("Tag").EnumerateArray())
        {
            Assert.Equal(JsonValueKind.String, tag.GetProperty(keyField).ValueKind);
            Assert.Equal(JsonValueKind.String, tag.GetProperty(valueField).ValueKind);
            var key = tag.GetProperty(keyField).GetString()!;
            if (!key.StartsWith("aliyun", StringComparison.Ordinal) && !key.StartsWith("acs:", StringComparison.Ordinal)
                && !key.StartsWith("http://", StringComparison.Ordinal) && !key.StartsWith("https://", StringComparison.Ordinal))
                map[key] = tag.GetProperty(valueField).GetString()!;
        }
        return map;
    }

    /// <summary>A JSON bool as Terraform stores it; a quoted "true" would not convert into a bool attribute.</summary>
    public static string Bool(JsonElement item, string name)
    {
        var value = item.GetProperty(name);
        Assert.True(value.ValueKind is JsonValueKind.True or JsonValueKind.False, $"{name} must be a JSON bool, got {value.GetRawText()}");
        return value.GetBoolean() ? "true" : "false";
    }

    /// <summary>A field the provider converts to text whatever its JSON type.</summary>
    public static string Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText() : "<nil>";
}

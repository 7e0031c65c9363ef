using System.Text.Json.Serialization;

namespace Eipnet.Contracts.Tagging;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ListTagResourcesResponse))]
[JsonSerializable(typeof(DescribeTagsResponse))]
public sealed partial class TaggingJsonContext : JsonSerializerContext;

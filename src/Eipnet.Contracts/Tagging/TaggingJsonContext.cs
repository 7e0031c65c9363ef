using System.Text.Json.Serialization;

namespace Eipnet.Contracts.Tagging;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ListTagResourcesResponse))]
public sealed partial class TaggingJsonContext : JsonSerializerContext;

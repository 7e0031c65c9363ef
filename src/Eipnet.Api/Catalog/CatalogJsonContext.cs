using System.Text.Json;
using System.Text.Json.Serialization;

namespace Eipnet.Api.Catalog;

// Inside the namespace: otherwise `Catalog` would bind to the namespace Eipnet.Api.Catalog, not the record.
using Eipnet.Domain.Catalog;

// The catalog is a file operators edit by hand: comments and trailing commas are harmless, while an unknown
// property is almost always a misspelt one (say "EipPool") that would otherwise silently become its default.
[JsonSourceGenerationOptions(
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(Catalog))]
internal sealed partial class CatalogJsonContext : JsonSerializerContext;

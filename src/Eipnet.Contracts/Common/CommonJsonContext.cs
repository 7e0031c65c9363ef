using System.Text.Json.Serialization;

namespace Eipnet.Contracts.Common;

/// <summary>Source-generated JSON for the shapes every product shares.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RpcErrorResponse))]
[JsonSerializable(typeof(RequestIdResponse))]
public sealed partial class CommonJsonContext : JsonSerializerContext;

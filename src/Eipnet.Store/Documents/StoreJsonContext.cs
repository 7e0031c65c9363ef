using System.Text.Json.Serialization;
using Eipnet.Domain.Resources;

namespace Eipnet.Store.Documents;

/// <summary>Source-generated JSON for the documents the store keeps; enums are stored by name so the rows stay readable.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true, IgnoreReadOnlyProperties = true)]
[JsonSerializable(typeof(Account))]
[JsonSerializable(typeof(Vpc))]
[JsonSerializable(typeof(VSwitch))]
[JsonSerializable(typeof(SecurityGroup))]
[JsonSerializable(typeof(Instance))]
[JsonSerializable(typeof(NetworkInterface))]
[JsonSerializable(typeof(Eip))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace Eipnet.Contracts.Instances;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RunInstancesResponse))]
[JsonSerializable(typeof(DescribeInstancesResponse))]
public sealed partial class InstanceJsonContext : JsonSerializerContext;

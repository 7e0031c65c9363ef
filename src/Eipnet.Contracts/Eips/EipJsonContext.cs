using System.Text.Json.Serialization;

namespace Eipnet.Contracts.Eips;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AllocateEipAddressResponse))]
[JsonSerializable(typeof(DescribeEipAddressesResponse))]
[JsonSerializable(typeof(DescribeEipGatewayInfoResponse))]
public sealed partial class EipJsonContext : JsonSerializerContext;

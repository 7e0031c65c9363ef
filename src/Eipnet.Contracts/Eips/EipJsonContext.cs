using System.Text.Json.Serialization;

namespace Eipnet.Contracts.Eips;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AllocateEipAddressResponse))]
[JsonSerializable(typeof(DescribeEipAddressesResponse))]
[JsonSerializable(typeof(DescribeEipGatewayInfoResponse))]
[JsonSerializable(typeof(DescribeEipMonitorDataResponse))]
public sealed partial class EipJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace Eipnet.Contracts.Vpcs;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateVpcResponse))]
[JsonSerializable(typeof(CreateVSwitchResponse))]
[JsonSerializable(typeof(DescribeVpcsResponse))]
[JsonSerializable(typeof(DescribeVSwitchesResponse))]
[JsonSerializable(typeof(DescribeVpcAttributeResponse))]
[JsonSerializable(typeof(DescribeVSwitchAttributesResponse))]
[JsonSerializable(typeof(DescribeRouteTableListResponse))]
public sealed partial class VpcJsonContext : JsonSerializerContext;

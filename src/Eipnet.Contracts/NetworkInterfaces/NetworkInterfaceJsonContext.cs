using System.Text.Json.Serialization;

namespace Eipnet.Contracts.NetworkInterfaces;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateNetworkInterfaceResponse))]
[JsonSerializable(typeof(DescribeNetworkInterfacesResponse))]
[JsonSerializable(typeof(AssignPrivateIpAddressesResponse))]
public sealed partial class NetworkInterfaceJsonContext : JsonSerializerContext;

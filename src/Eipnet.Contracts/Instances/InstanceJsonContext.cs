using System.Text.Json.Serialization;

namespace Eipnet.Contracts.Instances;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RunInstancesResponse))]
[JsonSerializable(typeof(DescribeInstancesResponse))]
[JsonSerializable(typeof(DescribeDisksResponse))]
[JsonSerializable(typeof(DescribeUserDataResponse))]
[JsonSerializable(typeof(DescribeInstanceAttributeResponse))]
[JsonSerializable(typeof(DescribeInstanceMaintenanceAttributesResponse))]
[JsonSerializable(typeof(DescribeInstanceAttachmentAttributesResponse))]
[JsonSerializable(typeof(DescribeInstanceRamRoleResponse))]
[JsonSerializable(typeof(ReplaceSystemDiskResponse))]
public sealed partial class InstanceJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace Eipnet.Contracts.SecurityGroups;

/// <summary>Source-generated JSON for the security group actions' responses.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateSecurityGroupResponse))]
[JsonSerializable(typeof(DescribeSecurityGroupsResponse))]
[JsonSerializable(typeof(DescribeSecurityGroupAttributeResponse))]
public sealed partial class SecurityGroupJsonContext : JsonSerializerContext;

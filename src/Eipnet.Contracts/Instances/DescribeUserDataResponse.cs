namespace Eipnet.Contracts.Instances;

/// <summary>DescribeUserData: the user data exactly as RunInstances or ModifyInstanceAttribute took it (Base64).</summary>
public sealed record DescribeUserDataResponse(string RequestId, string RegionId, string InstanceId, string UserData);

namespace Eipnet.Api.Tests.Protocol;

/// <summary>Signed requests verbatim from sdk-wire.md section 4 and the vectors of alibaba-api.md 6.3 and 6.5 (secret "testsecret").</summary>
internal static class Captures
{
    public static readonly DateTimeOffset CapturedAt = DateTimeOffset.Parse("2026-11-26T01:09:44Z");

    public const string V3AssociateEipAddress = """
        POST /?AllocationId=eip-bp1testalloc0001&InstanceId=eni-bp1testeni00001&InstanceType=NetworkInterface&Mode=NAT&PrivateIpAddress=192.168.0.10&RegionId=cn-hangzhou HTTP/1.1
        host: 127.0.0.1:18080
        x-acs-version: 2016-04-28
        x-acs-action: AssociateEipAddress
        user-agent: AlibabaCloud (linux; x64) Node.js/v20.20.2 Core/1.0.1 TeaDSL/2
        x-acs-date: 2026-11-26T01:09:44Z
        x-acs-signature-nonce: cf0c38fcd1e6b36068323b04055fb76814ddb471e95042195328e88697d8d341
        accept: application/json
        x-acs-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
        x-acs-credentials-provider: static_ak
        Authorization: ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=b2fdf15f96a597ed2f450d617ad11f4807f293dc8950b1abacccfec7c90e0e4c
        Connection: keep-alive
        Content-Length: 0

        """;

    public const string V3AssociateEipAddressStringToSign =
        "ACS3-HMAC-SHA256\n15b688e976ec78c550398696e8a56aecec8303f9bc929f3ae9ab9d0daf7921da";

    public const string V3CreateNetworkInterface = """
        POST /?DeleteOnRelease=true&Description=desc%20*!%27()~%20%2B%2F%3D%26%3F%23%25%E4%B8%AD%E6%96%87&NetworkInterfaceName=probe-eni&RegionId=cn-hangzhou&SecondaryPrivateIpAddressCount=1&SecurityGroupIds.1=sg-bp1test1&SecurityGroupIds.2=sg-bp1test2&Tag.1.Key=env&Tag.1.Value=probe&VSwitchId=vsw-bp1test HTTP/1.1
        host: 127.0.0.1:18080
        x-acs-version: 2014-05-26
        x-acs-action: CreateNetworkInterface
        user-agent: AlibabaCloud (linux; x64) Node.js/v20.20.2 Core/1.0.1 TeaDSL/2
        x-acs-date: 2026-11-26T01:09:44Z
        x-acs-signature-nonce: 529bd1359b191d10bf8e67f61ca3d0bde63a3910f4c249f8ce57202e3577388b
        accept: application/json
        x-acs-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
        x-acs-credentials-provider: static_ak
        Authorization: ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=e5afa24c489d79b9b17d375d37679fe5ce0a95df080fde4125310af54cb373b8
        Connection: keep-alive
        Content-Length: 0

        """;

    public const string V1OpenApiCorePost = """
        POST /?Action=AssociateEipAddress&Format=json&Version=2016-04-28&Timestamp=2026-11-26T01%3A09%3A44Z&SignatureNonce=1b968017b73276e762fff211fb70b2e1165e4f83bde2278c96c1db399bf5d22b&AllocationId=eip-bp1testalloc0001&InstanceId=eni-bp1testeni00001&InstanceType=NetworkInterface&Mode=NAT&PrivateIpAddress=192.168.0.10&RegionId=cn-hangzhou&SignatureMethod=HMAC-SHA1&SignatureVersion=1.0&AccessKeyId=testid&Signature=FP%2Bl2Mn5Q0ENzc16tJsSOME9qF4%3D HTTP/1.1
        host: 127.0.0.1:18080
        x-acs-version: 2016-04-28
        x-acs-action: AssociateEipAddress
        user-agent: AlibabaCloud (linux; x64) Node.js/v20.20.2 Core/1.0.1 TeaDSL/2
        x-acs-credentials-provider: static_ak
        Connection: keep-alive
        Content-Length: 0

        """;

    public const string V1PopCoreGet = """
        GET /?AccessKeyId=testid&Action=AssociateEipAddress&AllocationId=eip-bp1testalloc0001&Description=a%20b%2A%21%27%28%29~%E4%B8%AD&Format=JSON&InstanceId=eni-bp1testeni00001&InstanceType=NetworkInterface&Mode=NAT&PrivateIpAddress=192.168.0.10&RegionId=cn-hangzhou&SignatureMethod=HMAC-SHA1&SignatureNonce=a68b421387869653ac0b9ea3ceb771f1&SignatureVersion=1.0&Timestamp=2026-11-26T01%3A09%3A44Z&Version=2016-04-28&Signature=3gr%2BbEY4cXeOclGaB2oMEx3mOD8%3D HTTP/1.1
        x-sdk-client: Node.js(v20.20.2), @alicloud/pop-core: 1.8.0
        user-agent: AlibabaCloud (linux; x64) Node.js/v20.20.2 Core/1.8.0
        x-acs-action: AssociateEipAddress
        x-acs-version: 2016-04-28
        Host: 127.0.0.1:18080
        Connection: keep-alive

        """;

    public const string V1PopCoreGetStringToSign =
        "GET&%2F&AccessKeyId%3Dtestid%26Action%3DAssociateEipAddress%26AllocationId%3Deip-bp1testalloc0001%26Description%3Da%2520b%252A%2521%2527%2528%2529~%25E4%25B8%25AD%26Format%3DJSON%26InstanceId%3Deni-bp1testeni00001%26InstanceType%3DNetworkInterface%26Mode%3DNAT%26PrivateIpAddress%3D192.168.0.10%26RegionId%3Dcn-hangzhou%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3Da68b421387869653ac0b9ea3ceb771f1%26SignatureVersion%3D1.0%26Timestamp%3D2026-11-26T01%253A09%253A44Z%26Version%3D2016-04-28";

    public const string V1PopCorePost = """
        POST / HTTP/1.1
        x-sdk-client: Node.js(v20.20.2), @alicloud/pop-core: 1.8.0
        user-agent: AlibabaCloud (linux; x64) Node.js/v20.20.2 Core/1.8.0
        x-acs-action: AssociateEipAddress
        x-acs-version: 2016-04-28
        content-type: application/x-www-form-urlencoded
        Host: 127.0.0.1:18080
        Connection: keep-alive
        Content-Length: 445

        AccessKeyId=testid&Action=AssociateEipAddress&AllocationId=eip-bp1testalloc0001&Description=a%20b%2A%21%27%28%29~%E4%B8%AD&Format=JSON&InstanceId=eni-bp1testeni00001&InstanceType=NetworkInterface&Mode=NAT&PrivateIpAddress=192.168.0.10&RegionId=cn-hangzhou&SignatureMethod=HMAC-SHA1&SignatureNonce=0d238d17351331a5d682c2a843e3fdc3&SignatureVersion=1.0&Timestamp=2026-11-26T01%3A09%3A44Z&Version=2016-04-28&Signature=HZZqEDfPXM6BvhcGgc6KSmhlRp4%3D
        """;

    public static readonly DateTimeOffset DecsAt = DateTimeOffset.Parse("2016-02-23T12:46:24Z");

    public const string V1DecsGet = """
        GET /?AccessKeyId=testid&Action=DescribeRegions&Format=XML&SignatureMethod=HMAC-SHA1&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf&SignatureVersion=1.0&Timestamp=2016-02-23T12%3A46%3A24Z&Version=2014-05-26&Signature=OLeaidS1JvxuMvnyHOwuJ%2BuX5qY%3D HTTP/1.1
        Host: ecs.aliyuncs.com

        """;

    public static readonly DateTimeOffset DerivedAt = DateTimeOffset.Parse("2024-01-01T00:00:00Z");

    // alibaba-api.md 6.3 "derived" POST vector, sent the way Terraform and pop-core send POSTs: everything in a form body.
    public const string V1DerivedPost = """
        POST / HTTP/1.1
        Host: vpc.cn-hangzhou.aliyuncs.com
        Content-Type: application/x-www-form-urlencoded; charset=UTF-8

        AccessKeyId=testid&Action=AssociateEipAddress&AllocationId=eip-test0001&Format=JSON&InstanceId=eni-test0001&InstanceType=NetworkInterface&Mode=NAT&RegionId=cn-hangzhou&SignatureMethod=HMAC-SHA1&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf&SignatureVersion=1.0&Timestamp=2024-01-01T00%3A00%3A00Z&Version=2016-04-28&Signature=lGv6RbFGJ%2BKgoysP%2FoqjRfeTnqg%3D
        """;

    public const string V3DerivedPost = """
        POST /?AllocationId=eip-test0001&InstanceId=eni-test0001&InstanceType=NetworkInterface&Mode=NAT&RegionId=cn-hangzhou HTTP/1.1
        host: vpc.cn-hangzhou.aliyuncs.com
        x-acs-action: AssociateEipAddress
        x-acs-version: 2016-04-28
        x-acs-date: 2024-01-01T00:00:00Z
        x-acs-signature-nonce: 3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf
        x-acs-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
        Authorization: ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=5db8e437ef291478ef368f58bdefec4ef6729241311b4887577a30d06c98ea59

        """;
}

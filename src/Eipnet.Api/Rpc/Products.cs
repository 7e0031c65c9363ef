namespace Eipnet.Api.Rpc;

/// <summary>The two products one endpoint serves; the Version parameter says which is called.</summary>
public static class Products
{
    public const string Vpc = "Vpc";
    public const string Ecs = "Ecs";
    public const string VpcVersion = "2016-04-28";
    public const string EcsVersion = "2014-05-26";

    public static string? FromVersion(string? version) => version switch
    {
        VpcVersion => Vpc,
        EcsVersion => Ecs,
        _ => null,
    };

    public static string HostId(string product) => product == Vpc ? "vpc.aliyuncs.com" : "ecs.aliyuncs.com";
}

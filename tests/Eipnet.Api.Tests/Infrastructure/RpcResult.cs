using System.Net;
using System.Text.Json;

namespace Eipnet.Api.Tests.Infrastructure;

/// <summary>An HTTP answer of the API: status and parsed JSON body.</summary>
public sealed record RpcResult(HttpStatusCode Status, JsonElement Body, string Raw, string? ContentType)
{
    /// <summary>Response headers, when the result was read from a raw socket (<see cref="RawHttp"/>).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public bool Ok => (int)Status < 400;

    public string? Code => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("Code", out var c) ? c.GetString() : null;

    public string Str(string name) => Body.GetProperty(name).GetString()!;

    /// <summary>Asserts success and returns the body.</summary>
    public JsonElement Success()
    {
        Assert.True(Ok, $"expected success, got {(int)Status}: {Raw}");
        return Body;
    }

    /// <summary>Asserts an error with this code and status class; no stack trace may leak.</summary>
    public RpcResult Error(string code, int? status = null)
    {
        Assert.False(Ok, $"expected {code}, got success: {Raw}");
        Assert.Equal(code, Code);
        if (status is not null)
            Assert.Equal(status, (int)Status);
        Assert.InRange((int)Status, 400, 499);
        Assert.DoesNotContain("   at ", Raw);
        Assert.False(string.IsNullOrEmpty(Body.GetProperty("RequestId").GetString()));
        return this;
    }
}

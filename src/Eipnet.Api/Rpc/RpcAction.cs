using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Eipnet.Api.Rpc;

/// <summary>One API action: its product, name, handler and how its response is written.</summary>
/// <remarks>Mutating actions honour ClientToken and wake the reconciler when they succeed.</remarks>
public sealed record RpcAction(string Product, string Name, bool Mutating, Func<RpcContext, Task<byte[]>> Run)
{
    public static RpcAction Read<TResponse>(string product, string name, Func<RpcContext, Task<TResponse>> handler, JsonTypeInfo<TResponse> json) =>
        new(product, name, false, async ctx => JsonSerializer.SerializeToUtf8Bytes(await handler(ctx), json));

    public static RpcAction Write<TResponse>(string product, string name, Func<RpcContext, Task<TResponse>> handler, JsonTypeInfo<TResponse> json) =>
        new(product, name, true, async ctx => JsonSerializer.SerializeToUtf8Bytes(await handler(ctx), json));
}

using System.Diagnostics.CodeAnalysis;
using Eipnet.Domain.Errors;

namespace Eipnet.Api.Protocol;

/// <summary>Either the call read from a request or the error that stops it there.</summary>
public sealed record RpcCallReadResult
{
    private RpcCallReadResult(RpcCall? call, EipError? error) => (Call, Error) = (call, error);

    public RpcCall? Call { get; }

    public EipError? Error { get; }

    [MemberNotNullWhen(true, nameof(Call))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Call is not null;

    public static implicit operator RpcCallReadResult(RpcCall call) => new(call, null);

    public static implicit operator RpcCallReadResult(EipError error) => new(null, error);
}

namespace Eipnet.Contracts.Common;

/// <summary>Alibaba's error envelope; Recommend points at a troubleshooting page for the code.</summary>
public sealed record RpcErrorResponse(string RequestId, string HostId, string Code, string Message, string Recommend);

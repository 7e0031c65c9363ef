namespace Eipnet.Contracts.Common;

/// <summary>The body of every action whose answer is only its request id.</summary>
public sealed record RequestIdResponse(string RequestId);

namespace Eipnet.Contracts.NetworkInterfaces;

public sealed record AssignedPrivateIpList(IReadOnlyList<string> PrivateIpAddress);

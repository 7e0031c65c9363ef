namespace Eipnet.Contracts.Vpcs;

public sealed record CreateVSwitchResponse(string RequestId, string VSwitchId);

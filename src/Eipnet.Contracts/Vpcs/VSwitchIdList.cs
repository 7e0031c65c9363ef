namespace Eipnet.Contracts.Vpcs;

public sealed record VSwitchIdList(IReadOnlyList<string> VSwitchId);

namespace Eipnet.Contracts.Eips;

public sealed record AllocateEipAddressResponse(string RequestId, string AllocationId, string EipAddress, string ResourceGroupId);

namespace Eipnet.Contracts.Eips;

public sealed record EipAddressList(IReadOnlyList<EipAddressItem> EipAddress);

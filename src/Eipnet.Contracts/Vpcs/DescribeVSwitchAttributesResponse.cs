using System.Diagnostics.CodeAnalysis;

namespace Eipnet.Contracts.Vpcs;

/// <summary>DescribeVSwitchAttributes: one vSwitch, flat: the fields of a DescribeVSwitches item plus the request id.</summary>
public sealed record DescribeVSwitchAttributesResponse : VSwitchItem
{
    [SetsRequiredMembers]
    public DescribeVSwitchAttributesResponse(string requestId, VSwitchItem item) : base(item) => RequestId = requestId;

    public string RequestId { get; init; }
}

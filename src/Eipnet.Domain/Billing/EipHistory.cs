using Eipnet.Domain.Associations;
using Eipnet.Domain.Resources;

namespace Eipnet.Domain.Billing;

/// <summary>When an EIP counts as bound, for its association history and its bill.</summary>
public static class EipHistory
{
    /// <summary>The association an EIP is bound by now, or null when it is not bound.</summary>
    /// <remarks>A binding follows the accepted intent: it begins when AssociateEipAddress is accepted (Associating) and ends
    /// when UnassociateEipAddress, or the deletion of the instance, is accepted (Unassociating), not when the data plane has
    /// applied either; the same instants the API shows as the EIP's InstanceId appearing and its status leaving InUse.</remarks>
    public static Association? BoundBy(Eip eip) =>
        eip.Status is EipStatus.Associating or EipStatus.InUse ? eip.Association : null;

    /// <summary>The bindings of one EIP's segments, adjacent segments with the same binding merged (a bandwidth change alone
    /// does not split a binding); ordered by start.</summary>
    public static IReadOnlyList<(EipBinding Binding, DateTimeOffset From, DateTimeOffset? To)> Bindings(IEnumerable<EipSegment> segments)
    {
        var result = new List<(EipBinding Binding, DateTimeOffset From, DateTimeOffset? To)>();
        foreach (var s in segments.OrderBy(s => s.From))
        {
            if (s.Binding is null)
                continue;
            if (result.Count > 0 && result[^1].Binding == s.Binding && result[^1].To == s.From)
                result[^1] = result[^1] with { To = s.To };
            else
                result.Add((s.Binding, s.From, s.To));
        }
        return result;
    }
}

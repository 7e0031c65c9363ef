using System.Buffers;
using Eipnet.Domain.Errors;

namespace Eipnet.Domain.Tagging;

/// <summary>Resource group ids. Eipnet has no resource manager: a group is a label, any well-formed id names one.</summary>
/// <remarks>A resource created without a group shows an empty ResourceGroupId (not an invented default group), so a
/// client that did not ask for one reads back nothing.</remarks>
public static class ResourceGroups
{
    private static readonly SearchValues<char> Allowed = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789");

    /// <summary>Checks the form rg- followed by 1-64 lower-case letters and digits, as Alibaba's ids are.</summary>
    public static EipError? Check(string id) =>
        id.StartsWith("rg-", StringComparison.Ordinal) && id.Length is > 3 and <= 67 && !id.AsSpan(3).ContainsAnyExcept(Allowed)
            ? null
            : TagErrors.InvalidResourceGroupId(id);
}

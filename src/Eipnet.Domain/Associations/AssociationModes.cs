using System.Diagnostics.CodeAnalysis;

namespace Eipnet.Domain.Associations;

/// <summary>Wire spelling of <see cref="AssociationMode"/>.</summary>
public static class AssociationModes
{
    public static string ToWire(this AssociationMode mode) => mode switch
    {
        AssociationMode.Nat => "NAT",
        AssociationMode.Binded => "BINDED",
        AssociationMode.MultiBinded => "MULTI_BINDED",
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };

    public static bool TryParse(string value, [NotNullWhen(true)] out AssociationMode? mode)
    {
        mode = value switch
        {
            "NAT" => AssociationMode.Nat,
            "BINDED" => AssociationMode.Binded,
            "MULTI_BINDED" => AssociationMode.MultiBinded,
            _ => null,
        };
        return mode is not null;
    }
}

namespace Eipnet.Domain.Errors;

/// <summary>Carries an <see cref="EipError"/> out of code far from the API edge (inside a store transaction).</summary>
public sealed class EipException(EipError error) : Exception(error.Message)
{
    public EipError Error { get; } = error;
}

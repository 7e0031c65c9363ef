using Eipnet.Domain.Errors;

namespace Eipnet.Domain.SecurityGroups;

/// <summary>A security group's inner access policy: whether its members reach each other.</summary>
public static class InnerAccess
{
    /// <summary>The only policy Eipnet enforces: members of one group reach each other (SPEC, data plane).</summary>
    public const string Accept = "Accept";

    /// <summary>Accept is taken (it is what every group does); Drop is refused, since the data plane would not enforce it,
    /// and anything else is malformed.</summary>
    public static EipError? Check(string policy) => policy switch
    {
        "Accept" or "accept" => null,
        "Drop" or "drop" => new("InvalidParameter", "The specified parameter \"InnerAccessPolicy\" is not valid: Eipnet's data plane lets members of a security group reach each other; Drop is not enforced, so it is refused. Use Accept, or rules between separate groups.", 400),
        _ => EipError.InvalidParameter("InnerAccessPolicy", "it must be Accept or Drop."),
    };
}

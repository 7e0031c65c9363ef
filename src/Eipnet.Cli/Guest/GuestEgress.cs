namespace Eipnet.Cli.Guest;

/// <summary>Where new outbound connections leave: by the primary ENI (the default route stays, replies follow policy
/// routing), by one ENI (the default route moves there), or spread over every ENI that has an EIP (multipath).</summary>
public sealed record GuestEgress(string Kind, string? EniId)
{
    public static GuestEgress Primary { get; } = new("primary", null);
    public static GuestEgress Multipath { get; } = new("multipath", null);

    public static bool TryParse(string text, out GuestEgress egress)
    {
        egress = text switch
        {
            "primary" => Primary,
            "multipath" => Multipath,
            _ when text.StartsWith("eni:", StringComparison.Ordinal) && text.Length > 4 => new GuestEgress("eni", text[4..]),
            _ => null!,
        };
        return egress is not null;
    }

    public override string ToString() => Kind == "eni" ? "eni:" + EniId : Kind;
}

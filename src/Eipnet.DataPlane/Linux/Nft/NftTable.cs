using System.Text;

namespace Eipnet.DataPlane.Linux.Nft;

/// <summary>The one nftables table we own, as data: its sets and maps with their elements, and its chains.</summary>
public sealed record NftTable(string Family, string Name, IReadOnlyDictionary<string, NftSet> Sets, IReadOnlyDictionary<string, NftChain> Chains)
{
    /// <summary>"ip eipnet": what follows a verb in every command.</summary>
    public string Qualified => Family + " " + Name;

    /// <summary>The complete table in nft's file syntax, deterministic (ordinal order), as the golden files hold it.</summary>
    /// <remarks>Declaration order matters to the parser: sets first (rules look them up), then jump-only chains, then the
    /// verdict maps that name those chains, then the base chains that use the maps.</remarks>
    public string Render()
    {
        var text = new StringBuilder();
        text.Append("table ").Append(Qualified).Append(" {\n");
        foreach (var set in Sets.Values.Where(s => !s.IsVerdictMap))
            RenderSet(text, set);
        foreach (var chain in Chains.Values.Where(c => c.Hook is null))
            RenderChain(text, chain);
        foreach (var set in Sets.Values.Where(s => s.IsVerdictMap))
            RenderSet(text, set);
        foreach (var chain in Chains.Values.Where(c => c.Hook is not null))
            RenderChain(text, chain);
        text.Append("}\n");
        return text.ToString();
    }

    /// <summary>The text for one <c>nft -f</c> that replaces the table atomically (start-up and drift repair).</summary>
    /// <remarks>"add" first so that "delete" cannot fail on a host that has no table yet; all three are one transaction.</remarks>
    public string RenderLoad() => $"add table {Qualified}\ndelete table {Qualified}\n{Render()}";

    private static void RenderSet(StringBuilder text, NftSet set)
    {
        text.Append('\t').Append(set.Keyword).Append(' ').Append(set.Name).Append(" {\n");
        text.Append("\t\ttype ").Append(set.Type).Append('\n');
        if (set.Counter)
            text.Append("\t\tcounter\n");
        if (set.Elements.Count > 0)
        {
            text.Append("\t\telements = {\n\t\t\t");
            text.AppendJoin(",\n\t\t\t", set.Elements.Select(e => NftSet.Element(e.Key, e.Value)));
            text.Append("\n\t\t}\n");
        }
        text.Append("\t}\n");
    }

    private static void RenderChain(StringBuilder text, NftChain chain)
    {
        text.Append("\tchain ").Append(chain.Name).Append(" {\n");
        if (chain.Hook is not null)
            text.Append("\t\t").Append(chain.Hook).Append('\n');
        foreach (var rule in chain.Rules)
            text.Append("\t\t").Append(rule).Append('\n');
        text.Append("\t}\n");
    }
}

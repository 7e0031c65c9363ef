namespace Eipnet.Api.Tests.Terraform;

/// <summary>What a resource's Read put in the state: flat attributes and the tags map (keys the provider ignores on read,
/// aliyun*, acs:*, http(s)://*, already left out).</summary>
public sealed record TerraformState(IReadOnlyDictionary<string, string> Attributes, IReadOnlyDictionary<string, string> Tags)
{
    public string this[string name] => Attributes[name];

    /// <summary>The attributes whose plan would not be empty, each as "name: state -> config".</summary>
    /// <remarks>An attribute the user set must read back equal; an Optional, non-Computed one the user did not set must
    /// read back empty ("", false or 0), or Terraform would plan a change on every run; the tags map must be equal.</remarks>
    public IReadOnlyList<string> PlanAgainst(TerraformConfig config, IReadOnlyList<(string Name, bool Computed)> optional)
    {
        var diffs = new List<string>();
        foreach (var (name, computed) in optional)
        {
            var have = Attributes.GetValueOrDefault(name, "");
            if (config.Get(name) is { } want)
            {
                if (have != want)
                    diffs.Add($"{name}: {have} -> {want}");
            }
            else if (!computed && have is not ("" or "false" or "0"))
                diffs.Add($"{name}: {have} -> (unset)");
        }
        foreach (var key in config.Tags.Keys.Union(Tags.Keys).Where(k => config.Tags.GetValueOrDefault(k) != Tags.GetValueOrDefault(k)))
            diffs.Add($"tags.{key}: {Tags.GetValueOrDefault(key, "(none)")} -> {config.Tags.GetValueOrDefault(key, "(none)")}");
        return diffs;
    }
}

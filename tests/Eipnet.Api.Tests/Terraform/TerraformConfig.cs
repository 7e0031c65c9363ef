namespace Eipnet.Api.Tests.Terraform;

/// <summary>What a user wrote in a resource block: the attributes they set and their tags map.</summary>
public sealed record TerraformConfig(IReadOnlyDictionary<string, string> Attributes, IReadOnlyDictionary<string, string> Tags)
{
    public static TerraformConfig Of(params (string Name, string Value)[] attributes) =>
        new(attributes.ToDictionary(a => a.Name, a => a.Value), new Dictionary<string, string>());

    public TerraformConfig With(string name, string value) => this with { Attributes = new Dictionary<string, string>(Attributes) { [name] = value } };

    public TerraformConfig Without(string name) => this with { Attributes = Attributes.Where(a => a.Key != name).ToDictionary() };

    public TerraformConfig WithTags(params (string Key, string Value)[] tags) => this with { Tags = tags.ToDictionary(t => t.Key, t => t.Value) };

    public string? Get(string name) => Attributes.GetValueOrDefault(name);

    /// <summary>True when the attribute differs between two configurations (the provider's d.HasChange). A Computed
    /// attribute removed from the configuration keeps its value in the state, so its removal is no change.</summary>
    public bool Changed(TerraformConfig before, string name, bool computed = false) =>
        Get(name) != before.Get(name) && !(computed && Get(name) is null);
}

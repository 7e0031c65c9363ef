namespace Eipnet.Agent.Kernel;

/// <summary>Named network namespaces as iproute2 keeps them (/run/netns/NAME).</summary>
public static class Namespaces
{
    private const string Directory = "/run/netns";

    public static bool Exists(string name) => File.Exists(Path.Combine(Directory, name));

    /// <summary>Namespaces whose names start with <paramref name="prefix"/>: ours, and only ours.</summary>
    public static IReadOnlyList<string> WithPrefix(string prefix) =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.GetFiles(Directory).Select(Path.GetFileName).OfType<string>()
                .Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList()
            : [];
}

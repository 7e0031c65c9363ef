namespace Eipnet.Api.Catalog;

/// <summary>A catalog document that cannot be used: unreadable JSON or one or more invalid entries.</summary>
/// <remarks>Problems lists every fault found, so an operator can fix the file in one pass.</remarks>
public sealed class CatalogException : Exception
{
    public CatalogException(string catalogName, IReadOnlyList<string> problems, Exception? innerException = null)
        : base(Describe(catalogName, problems), innerException)
    {
        CatalogName = catalogName;
        Problems = problems;
    }

    /// <summary>The file path, or the name of the embedded resource, that was being loaded.</summary>
    public string CatalogName { get; }

    public IReadOnlyList<string> Problems { get; }

    private static string Describe(string catalogName, IReadOnlyList<string> problems) =>
        $"The catalog '{catalogName}' cannot be used ({problems.Count} {(problems.Count == 1 ? "problem" : "problems")}):"
        + string.Concat(problems.Select(p => $"{Environment.NewLine}  - {p}"));
}

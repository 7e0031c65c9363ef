namespace Eipnet.Api.Tests.Catalog;

/// <summary>A catalog file in the temp directory that each test owns and deletes.</summary>
internal sealed class TempCatalogFile : IDisposable
{
    public TempCatalogFile(string json)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"eipnet-catalog-{Guid.NewGuid():N}.json");
        File.WriteAllText(Path, json);
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}

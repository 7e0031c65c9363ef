namespace Eipnet.Api.Hosting;

/// <summary>How to run the control plane: where to listen, which database, catalog and data plane.</summary>
/// <remarks>Postgres, when set, wins over DataDirectory. CatalogFile null means the built-in catalog.</remarks>
public sealed record ServerOptions
{
    public string Listen { get; init; } = "127.0.0.1:8787";
    public string DataDirectory { get; init; } = ".eipnet";
    public string? Postgres { get; init; }
    public string? CatalogFile { get; init; }

    /// <summary>A catalog object that replaces both the built-in one and CatalogFile (benchmarks and tests).</summary>
    public Eipnet.Domain.Catalog.Catalog? Catalog { get; init; }
    public string DataPlane { get; init; } = "sim";
    public (string AccessKeyId, string AccessKeySecret)? BootstrapAccount { get; init; }
    public bool QuietRequestLog { get; init; }
}

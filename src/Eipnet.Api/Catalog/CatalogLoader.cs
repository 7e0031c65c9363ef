using System.Text.Json;
using Eipnet.Domain.Billing;

namespace Eipnet.Api.Catalog;

// Inside the namespace: otherwise `Catalog` would bind to the namespace Eipnet.Api.Catalog, not the record.
using Eipnet.Domain.Catalog;

/// <summary>Reads the region and instance-type catalog, either the built-in default or an operator's file.</summary>
/// <remarks>A catalog is returned only if it passes <see cref="CatalogValidator"/> as a whole; otherwise a
/// <see cref="CatalogException"/> lists every problem. I/O errors (a missing file) propagate unchanged.</remarks>
public static class CatalogLoader
{
    private const string DefaultResourceName = "default-catalog.json";

    public static Catalog LoadDefault()
    {
        var assembly = typeof(CatalogLoader).Assembly;
        using var stream = assembly.GetManifestResourceStream(DefaultResourceName)
            ?? throw new InvalidOperationException(
                $"The embedded resource '{DefaultResourceName}' is missing from {assembly.GetName().Name}; "
                + "check the EmbeddedResource item in Eipnet.Api.csproj.");
        return Load(stream, $"embedded {DefaultResourceName}");
    }

    public static Catalog LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = File.OpenRead(path);
        return Load(stream, path);
    }

    private static Catalog Load(Stream json, string catalogName)
    {
        Catalog? catalog;
        try
        {
            catalog = JsonSerializer.Deserialize(json, CatalogJsonContext.Default.Catalog);
        }
        catch (JsonException e)
        {
            // The message carries the JSON path and line, which is what the operator needs to find the fault.
            throw new CatalogException(catalogName, [$"The file is not a readable catalog: {e.Message}"], e);
        }

        if (catalog is null)
            throw new CatalogException(catalogName, ["The document is null; expected an object with Regions and InstanceTypes."]);
        // A file without Prices uses the defaults (source generation leaves an absent init property null).
        if (catalog.Prices is null)
            catalog = catalog with { Prices = PriceList.Default };

        var problems = CatalogValidator.Validate(catalog);
        return problems.Count == 0 ? catalog : throw new CatalogException(catalogName, problems);
    }
}

namespace Eipnet.Domain.Catalog;

/// <summary>A public image instances can be launched from; Size is its system disk in GiB.</summary>
public sealed record Image(
    string ImageId,
    string ImageName,
    string ImageFamily,
    string ImageVersion,
    string OSName,
    string OSNameEn,
    string Platform,
    string Architecture,
    int Size,
    DateTimeOffset CreationTime);

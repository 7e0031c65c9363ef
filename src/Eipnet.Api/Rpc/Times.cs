namespace Eipnet.Api.Rpc;

/// <summary>The API's time format: UTC, whole seconds, yyyy-MM-ddTHH:mm:ssZ.</summary>
public static class Times
{
    public static string Format(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    public static string Format(DateTimeOffset? t) => t is null ? "" : Format(t.Value);
}

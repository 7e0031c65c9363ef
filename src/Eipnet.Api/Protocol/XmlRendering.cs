using System.Text;
using System.Text.Json;
using System.Xml;

namespace Eipnet.Api.Protocol;

/// <summary>Renders a JSON response object as Alibaba's XML (answered when a V1 call asks for Format=XML).</summary>
public static class XmlRendering
{
    /// <summary>Exactly this value makes the Tea SDKs parse an error body as XML.</summary>
    public const string ContentType = "text/xml;charset=utf-8";

    /// <summary>Each property becomes an element; an array under property P becomes repeated &lt;P&gt; elements; null becomes an empty element.</summary>
    /// <remarks>The input is our own serialized response, so malformed JSON or a non-object root is a programming error and throws.</remarks>
    public static string FromJson(ReadOnlySpan<byte> utf8Json, string rootElementName)
    {
        ArgumentNullException.ThrowIfNull(rootElementName);
        var reader = new Utf8JsonReader(utf8Json);
        var root = JsonElement.ParseValue(ref reader);
        if (root.ValueKind != JsonValueKind.Object)
            throw new ArgumentException($"The response must be a JSON object, not {root.ValueKind}.", nameof(utf8Json));

        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        WriteElement(xml, rootElementName, root);
        return xml.ToString();
    }

    private static void WriteElement(StringBuilder xml, string name, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            // Alibaba's list shape: {"EipAddresses":{"EipAddress":[a,b]}} is <EipAddresses><EipAddress>a</EipAddress><EipAddress>b</EipAddress></EipAddresses>.
            foreach (var item in value.EnumerateArray())
                WriteElement(xml, name, item);
            return;
        }

        XmlConvert.VerifyName(name);
        xml.Append('<').Append(name).Append('>');
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                    WriteElement(xml, property.Name, property.Value);
                break;
            case JsonValueKind.String:
                AppendEscaped(xml, value.GetString()!);
                break;
            case JsonValueKind.Number:
                xml.Append(value.GetRawText());
                break;
            case JsonValueKind.True:
                xml.Append("true");
                break;
            case JsonValueKind.False:
                xml.Append("false");
                break;
        }
        xml.Append("</").Append(name).Append('>');
    }

    private static void AppendEscaped(StringBuilder xml, string text)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': xml.Append("&amp;"); break;
                case '<': xml.Append("&lt;"); break;
                case '>': xml.Append("&gt;"); break;
                // XML 1.0 cannot carry most control characters, not even as references.
                case < ' ' and not ('\t' or '\n' or '\r'): break;
                case '\r': xml.Append("&#xD;"); break;
                default: xml.Append(c); break;
            }
        }
    }
}

using System.CommandLine;
using System.Text.Json;
using Eipnet.Cli.Client;

namespace Eipnet.Cli.Commands;

/// <summary>`eipnet vpc ACTION Key=Value...` and `eipnet ecs ...`: any action of the API, signed as the official SDKs sign.</summary>
/// <remarks>Like Alibaba's own tools: credentials from ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET, the
/// region from --region or ALIBABA_CLOUD_REGION_ID (added as RegionId unless given), the endpoint from --endpoint or
/// EIPNET_ENDPOINT (default 127.0.0.1:8787).</remarks>
internal static class CallCommand
{
    public static Command Create(string product, string version, string description)
    {
        var action = new Argument<string>("ACTION") { Description = "The API action, e.g. AllocateEipAddress." };
        var parameters = new Argument<string[]>("PARAMETERS") { Description = "Key=Value pairs, e.g. CidrBlock=10.1.0.0/16.", Arity = ArgumentArity.ZeroOrMore };
        var endpoint = new Option<string?>("--endpoint") { Description = "HOST:PORT of the server (default $EIPNET_ENDPOINT or 127.0.0.1:8787)." };
        var region = new Option<string?>("--region") { Description = "RegionId to send unless a parameter gives one (default $ALIBABA_CLOUD_REGION_ID)." };
        var query = new Option<string?>("--query") { Description = "Print only this field of the answer: a dot path with [n] indexes, e.g. InstanceIdSets.InstanceIdSet[0]." };
        var command = new Command(product, description);
        command.Arguments.Add(action);
        command.Arguments.Add(parameters);
        command.Options.Add(endpoint);
        command.Options.Add(region);
        command.Options.Add(query);
        command.SetAction(async (result, ct) =>
        {
            var pairs = new List<(string, string)>();
            foreach (var p in result.GetValue(parameters) ?? [])
            {
                var eq = p.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    Console.Error.WriteLine($"eipnet: '{p}' is not Key=Value.");
                    return 2;
                }
                pairs.Add((p[..eq], p[(eq + 1)..]));
            }
            var regionId = result.GetValue(region) ?? Environment.GetEnvironmentVariable("ALIBABA_CLOUD_REGION_ID");
            if (regionId is { Length: > 0 } && !pairs.Any(p => p.Item1 == "RegionId"))
                pairs.Insert(0, ("RegionId", regionId));
            try
            {
                using var client = ApiClient.FromEnvironment(result.GetValue(endpoint));
                var answer = await client.CallAsync(version, result.GetValue(action)!, [.. pairs], ct);
                var shown = result.GetValue(query) is { } path ? Select(answer, path) : answer;
                Console.WriteLine(shown.ValueKind == JsonValueKind.String ? shown.GetString()
                    : JsonSerializer.Serialize(shown, new JsonSerializerOptions { WriteIndented = true }));
                return 0;
            }
            catch (ApiException e)
            {
                Console.Error.WriteLine($"eipnet: {e.Code}: {e.Message[(e.Code.Length + 2)..]}");
                return 1;
            }
            catch (HttpRequestException e)
            {
                Console.Error.WriteLine($"eipnet: cannot reach the server: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static JsonElement Select(JsonElement root, string path)
    {
        var at = root;
        foreach (var part in path.Split('.'))
        {
            var name = part;
            var index = -1;
            if (part.EndsWith(']') && part.IndexOf('[', StringComparison.Ordinal) is var open and > 0)
            {
                index = int.Parse(part[(open + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
                name = part[..open];
            }
            if (!at.TryGetProperty(name, out at))
                throw new ApiException("InvalidQuery", $"The answer has no field '{name}' at '{path}'.", 0);
            if (index >= 0)
                at = index < at.GetArrayLength() ? at[index] : throw new ApiException("InvalidQuery", $"'{name}' has no item {index}.", 0);
        }
        return at;
    }
}

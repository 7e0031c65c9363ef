using System.CommandLine;
using System.Text.Json;
using Eipnet.Cli.Client;

namespace Eipnet.Cli.Commands;

/// <summary>`eipnet trace --from IP --to IP --proto tcp|udp|icmp [--port N]`: what happens to such a packet, from the
/// current intent (the API's TracePacket action), step by step; --json prints the answer as it came.</summary>
internal static class TraceCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "Source IPv4 address.", Required = true };
        var to = new Option<string>("--to") { Description = "Destination IPv4 address.", Required = true };
        var proto = new Option<string>("--proto") { Description = "tcp, udp or icmp.", Required = true };
        proto.AcceptOnlyFromAmong("tcp", "udp", "icmp");
        var port = new Option<int?>("--port") { Description = "Destination port (tcp, udp)." };
        var json = new Option<bool>("--json") { Description = "Print the API's answer as JSON." };
        var endpoint = new Option<string?>("--endpoint") { Description = "HOST:PORT of the server (default $EIPNET_ENDPOINT or 127.0.0.1:8787)." };
        var region = new Option<string?>("--region") { Description = "Region (default $ALIBABA_CLOUD_REGION_ID)." };
        var command = new Command("trace", "Explain what happens to a packet: EIP and mode, translation, ENI and instance, the deciding security group rule, the verdict.");
        foreach (var option in new Option[] { from, to, proto, port, json, endpoint, region })
            command.Options.Add(option);
        command.SetAction(async (result, ct) =>
        {
            var regionId = result.GetValue(region) ?? Environment.GetEnvironmentVariable("ALIBABA_CLOUD_REGION_ID");
            if (string.IsNullOrEmpty(regionId))
            {
                Console.Error.WriteLine("eipnet: give the region with --region or ALIBABA_CLOUD_REGION_ID.");
                return 2;
            }
            (string, string)[] parameters = [("RegionId", regionId), ("From", result.GetValue(from)!), ("To", result.GetValue(to)!), ("Protocol", result.GetValue(proto)!)];
            if (result.GetValue(port) is { } p)
                parameters = [.. parameters, ("Port", p.ToString(System.Globalization.CultureInfo.InvariantCulture))];
            try
            {
                using var client = ApiClient.FromEnvironment(result.GetValue(endpoint));
                var answer = await client.VpcAsync("TracePacket", parameters);
                if (result.GetValue(json))
                {
                    Console.WriteLine(JsonSerializer.Serialize(answer, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
                    return 0;
                }
                Console.WriteLine($"{result.GetValue(proto)} {result.GetValue(from)} -> {result.GetValue(to)}{(result.GetValue(port) is { } q ? ":" + q : "")}");
                var n = 1;
                foreach (var step in answer.GetProperty("Steps").GetProperty("Step").EnumerateArray())
                    Console.WriteLine($"  {n++}. {step.GetProperty("Stage").GetString(),-15} {step.GetProperty("Detail").GetString()}");
                foreach (var warning in answer.GetProperty("Warnings").GetProperty("Warning").EnumerateArray())
                    Console.WriteLine($"  warning: {warning.GetString()}");
                Console.WriteLine($"  verdict: {answer.GetProperty("Verdict").GetString()}");
                return 0;
            }
            catch (ApiException e)
            {
                Console.Error.WriteLine($"eipnet: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}

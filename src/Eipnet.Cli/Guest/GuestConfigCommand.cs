using System.CommandLine;
using Eipnet.Cli.Client;

namespace Eipnet.Cli.Guest;

/// <summary>`eipnet guest-config INSTANCE_ID`: the network configuration the instance's OS needs for its ENIs and EIPs.</summary>
internal static class GuestConfigCommand
{
    public static Command Create()
    {
        var instance = new Argument<string>("INSTANCE_ID") { Description = "The instance (i-...)." };
        var egress = new Option<string>("--egress") { Description = "primary | eni:ENI_ID | multipath: where new outbound connections leave.", DefaultValueFactory = _ => "primary" };
        var format = new Option<string>("--format") { Description = "ip (iproute2 commands) | netplan | nmcli.", DefaultValueFactory = _ => "ip" };
        format.AcceptOnlyFromAmong("ip", "netplan", "nmcli");
        var endpoint = new Option<string?>("--endpoint") { Description = "HOST:PORT of the server (default $EIPNET_ENDPOINT or 127.0.0.1:8787)." };
        var region = new Option<string?>("--region") { Description = "The instance's region (default $ALIBABA_CLOUD_REGION_ID)." };
        var command = new Command("guest-config", "Print the network configuration an instance's OS needs for its ENIs and EIPs (the seed's FAQ on routes).");
        command.Arguments.Add(instance);
        foreach (var option in new Option[] { egress, format, endpoint, region })
            command.Options.Add(option);
        command.SetAction(async (result, ct) =>
        {
            if (!GuestEgress.TryParse(result.GetValue(egress)!, out var choice))
            {
                Console.Error.WriteLine($"eipnet: --egress '{result.GetValue(egress)}' is not primary, eni:ENI_ID or multipath.");
                return 2;
            }
            var regionId = result.GetValue(region) ?? Environment.GetEnvironmentVariable("ALIBABA_CLOUD_REGION_ID");
            if (string.IsNullOrEmpty(regionId))
            {
                Console.Error.WriteLine("eipnet: give the region with --region or ALIBABA_CLOUD_REGION_ID.");
                return 2;
            }
            try
            {
                using var client = ApiClient.FromEnvironment(result.GetValue(endpoint));
                var id = result.GetValue(instance)!;
                var plan = GuestPlan.For(id, await GuestReader.ReadAsync(client, regionId, id, ct), choice);
                Console.Write(result.GetValue(format) switch
                {
                    "netplan" => NetplanFormat.Render(plan),
                    "nmcli" => NmcliFormat.Render(plan),
                    _ => IpFormat.Render(plan),
                });
                return 0;
            }
            catch (GuestConfigException e)
            {
                Console.Error.WriteLine("eipnet: " + e.Message);
                return 1;
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

using System.CommandLine;
using Eipnet.Cli.Commands;

var root = new RootCommand("Eipnet: a self-hostable Elastic IP service that speaks Alibaba Cloud's VPC and ECS APIs.");
root.Subcommands.Add(ServerCommand.Create());
root.Subcommands.Add(AgentCommand.Create());
root.Subcommands.Add(AdminCommand.Create());
root.Subcommands.Add(LabCommand.Create());
root.Subcommands.Add(Eipnet.Cli.Guest.GuestConfigCommand.Create());
root.Subcommands.Add(TraceCommand.Create());
root.Subcommands.Add(CallCommand.Create("vpc", Eipnet.Cli.Client.ApiClient.VpcVersion, "Call a VPC API action (2016-04-28): eipnet vpc AllocateEipAddress RegionId=cn-shanghai"));
root.Subcommands.Add(CallCommand.Create("ecs", Eipnet.Cli.Client.ApiClient.EcsVersion, "Call an ECS API action (2014-05-26): eipnet ecs RunInstances ..."));
root.Subcommands.Add(Eipnet.Cli.Bench.BenchCommand.Create());
return await root.Parse(args).InvokeAsync();

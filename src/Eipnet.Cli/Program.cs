using System.CommandLine;
using Eipnet.Cli.Commands;

var root = new RootCommand("Eipnet: a self-hostable Elastic IP service that speaks Alibaba Cloud's VPC and ECS APIs.");
root.Subcommands.Add(ServerCommand.Create());
root.Subcommands.Add(AdminCommand.Create());
root.Subcommands.Add(LabCommand.Create());
root.Subcommands.Add(Eipnet.Cli.Bench.BenchCommand.Create());
return await root.Parse(args).InvokeAsync();

using Eipnet.Domain.Hosts;
using System.CommandLine;
using System.Text.Json;
using Eipnet.Api.Accounts;
using Eipnet.Api.Agents;
using Eipnet.Api.Hosting;
using Eipnet.Domain.Errors;
using Eipnet.Store;

namespace Eipnet.Cli.Commands;

/// <summary>`eipnet admin ...`: operator commands on the same database as the server (safe while it runs).</summary>
internal static class AdminCommand
{
    public static Command Create()
    {
        var admin = new Command("admin", "Operator commands: accounts, quotas, agents and bills.");
        var account = new Command("account", "Create accounts and allowlist them for multi-EIP mode.");
        account.Subcommands.Add(CreateAccount());
        account.Subcommands.Add(AllowMultiEip());
        admin.Subcommands.Add(account);
        var quota = new Command("quota", "Raise an account's quotas (the \"submit a ticket\" path).");
        quota.Subcommands.Add(SetQuota());
        admin.Subcommands.Add(quota);
        var agent = new Command("agent", "Add and remove the agents that apply the intent on hosts.");
        agent.Subcommands.Add(AddAgent());
        agent.Subcommands.Add(RemoveAgent());
        admin.Subcommands.Add(agent);
        admin.Subcommands.Add(ListAgents());
        admin.Subcommands.Add(BillCommand.Create());
        return admin;
    }

    private static Command CreateAccount()
    {
        var db = new DatabaseOptions();
        var name = new Argument<string>("NAME") { Description = "A name for the account." };
        var multiEip = new Option<bool>("--multi-eip") { Description = "Allowlist the account for multi-EIP-to-ENI mode (MULTI_BINDED)." };
        var command = new Command("create", "Create an account; prints {\"AccountId\",\"AccessKeyId\",\"AccessKeySecret\"} as JSON.");
        command.Arguments.Add(name);
        command.Options.Add(multiEip);
        db.AddTo(command);
        command.SetAction((result, ct) => RunAsync(db.Read(result), async store =>
        {
            var created = await AccountAdmin.CreateAsync(store, result.GetValue(name)!, result.GetValue(multiEip), TimeProvider.System, ct);
            using var json = new Utf8JsonWriter(Console.OpenStandardOutput());
            json.WriteStartObject();
            json.WriteString("AccountId", created.AccountId);
            json.WriteString("AccessKeyId", created.AccessKeyId);
            json.WriteString("AccessKeySecret", created.AccessKeySecret);
            json.WriteEndObject();
            json.Flush();
            Console.WriteLine();
        }, ct));
        return command;
    }

    private static Command AllowMultiEip()
    {
        var db = new DatabaseOptions();
        var id = new Argument<string>("ACCOUNT_ID");
        var command = new Command("allow-multi-eip", "Allowlist an account for multi-EIP-to-ENI mode (MULTI_BINDED).");
        command.Arguments.Add(id);
        db.AddTo(command);
        command.SetAction((result, ct) => RunAsync(db.Read(result), async store =>
        {
            var account = await AccountAdmin.AllowMultiEipAsync(store, result.GetValue(id)!, ct);
            Console.WriteLine($"{account.AccountId} may use MULTI_BINDED mode");
        }, ct));
        return command;
    }

    private static Command SetQuota()
    {
        var db = new DatabaseOptions();
        var id = new Argument<string>("ACCOUNT_ID");
        var quota = new Argument<string>("QUOTA") { Description = "eips (EIPs per account) or eips-per-eni (EIPs per ENI in MULTI_BINDED mode)." };
        quota.AcceptOnlyFromAmong("eips", "eips-per-eni");
        var value = new Argument<int>("N");
        var command = new Command("set", "Set a quota of an account.");
        command.Arguments.Add(id);
        command.Arguments.Add(quota);
        command.Arguments.Add(value);
        db.AddTo(command);
        command.SetAction((result, ct) => RunAsync(db.Read(result), async store =>
        {
            var account = await AccountAdmin.SetQuotaAsync(store, result.GetValue(id)!, result.GetValue(quota)!, result.GetValue(value), ct);
            Console.WriteLine($"{account.AccountId}: eips {account.EipQuota}, eips-per-eni {account.EipsPerEniQuota}");
        }, ct));
        return command;
    }

    private static Command AddAgent()
    {
        var db = new DatabaseOptions();
        var name = new Argument<string>("NAME") { Description = "The host's agent name (lower-case letters, digits, '-')." };
        var roles = new Option<string>("--roles") { Description = "What the host does: gateway, compute, or gateway,compute.", DefaultValueFactory = _ => "gateway,compute" };
        var underlay = new Option<string>("--underlay-address") { Description = "The host's address other hosts' overlay tunnels reach (needed with more than one host).", DefaultValueFactory = _ => "" };
        var command = new Command("add", "Add an agent (a data-plane host), or give it a new token, roles and address; prints the token (NAME.SECRET) for `eipnet agent --token-file`.");
        command.Arguments.Add(name);
        command.Options.Add(roles);
        command.Options.Add(underlay);
        db.AddTo(command);
        command.SetAction((result, ct) => RunAsync(db.Read(result), async store =>
        {
            try
            {
                if (!HostRolesText.TryParse(result.GetValue(roles), out var hostRoles))
                    throw new ArgumentException($"--roles is gateway, compute or gateway,compute, not \"{result.GetValue(roles)}\".");
                Console.WriteLine(await AgentAdmin.AddAsync(store, result.GetValue(name)!, TimeProvider.System, ct, hostRoles, result.GetValue(underlay)!));
            }
            catch (ArgumentException e)
            {
                throw new EipException(new EipError("InvalidParameter", e.Message.Split(" (Parameter")[0], 400));
            }
        }, ct));
        return command;
    }

    private static Command RemoveAgent()
    {
        var db = new DatabaseOptions();
        var name = new Argument<string>("NAME");
        var command = new Command("remove", "Remove an agent: its token stops working and transitions no longer wait for it.");
        command.Arguments.Add(name);
        db.AddTo(command);
        command.SetAction((result, ct) => RunAsync(db.Read(result), async store =>
        {
            if (!await store.DeleteAgentAsync(result.GetValue(name)!, ct))
                throw new EipException(new EipError("InvalidAgent.NotFound", $"There is no agent \"{result.GetValue(name)}\".", 404));
            Console.WriteLine($"{result.GetValue(name)} removed");
        }, ct));
        return command;
    }

    private static Command ListAgents()
    {
        var db = new DatabaseOptions();
        var command = new Command("agents", "The agents, the generation each has applied and when each last asked for intent.");
        db.AddTo(command);
        command.SetAction((result, ct) => RunAsync(db.Read(result), async store =>
        {
            var desired = (await store.ReadChangesAsync(long.MaxValue, ct)).Revision;
            Console.WriteLine($"desired generation {desired}");
            Console.WriteLine($"{"AGENT",-20} {"ROLES",-16} {"UNDERLAY",-16} {"APPLIED",10} {"BEHIND",8}  LAST SEEN");
            foreach (var a in await store.ListAgentsAsync(ct))
                Console.WriteLine($"{a.Name,-20} {HostRolesText.Format(a.Host.Roles),-16} {(a.Host.UnderlayAddress.Length > 0 ? a.Host.UnderlayAddress : "-"),-16} {a.AppliedGeneration,10} {desired - a.AppliedGeneration,8}  {(a.SeenAt is { } seen ? seen.ToString("u", System.Globalization.CultureInfo.InvariantCulture) : "never")}");
        }, ct));
        return command;
    }

    internal static async Task<int> RunAsync(ServerOptions options, Func<IEipStore, Task> work, CancellationToken ct)
    {
        await using var store = ServerHost.OpenStore(options);
        try
        {
            await store.MigrateAsync(ct);
            await work(store);
            return 0;
        }
        catch (EipException e)
        {
            await Console.Error.WriteLineAsync($"eipnet: {e.Error.Code}: {e.Error.Message}");
            return 1;
        }
    }
}

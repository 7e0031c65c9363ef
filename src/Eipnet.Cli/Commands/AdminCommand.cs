using System.CommandLine;
using System.Text.Json;
using Eipnet.Api.Accounts;
using Eipnet.Api.Hosting;
using Eipnet.Domain.Errors;
using Eipnet.Store;

namespace Eipnet.Cli.Commands;

/// <summary>`eipnet admin ...`: operator commands on the same database as the server (safe while it runs).</summary>
internal static class AdminCommand
{
    public static Command Create()
    {
        var admin = new Command("admin", "Operator commands: accounts and quotas.");
        var account = new Command("account", "Create accounts and allowlist them for multi-EIP mode.");
        account.Subcommands.Add(CreateAccount());
        account.Subcommands.Add(AllowMultiEip());
        admin.Subcommands.Add(account);
        var quota = new Command("quota", "Raise an account's quotas (the \"submit a ticket\" path).");
        quota.Subcommands.Add(SetQuota());
        admin.Subcommands.Add(quota);
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

    private static async Task<int> RunAsync(ServerOptions options, Func<IEipStore, Task> work, CancellationToken ct)
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

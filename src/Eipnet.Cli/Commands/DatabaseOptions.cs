using System.CommandLine;
using Eipnet.Api.Hosting;

namespace Eipnet.Cli.Commands;

/// <summary>--data and --postgres, shared by the server and the admin commands so both open the same database.</summary>
internal sealed class DatabaseOptions
{
    public Option<string> Data { get; } = new("--data")
    {
        Description = "Directory of the SQLite database (eipnet.db).",
        DefaultValueFactory = _ => ".eipnet",
    };

    public Option<string?> Postgres { get; } = new("--postgres")
    {
        Description = "PostgreSQL connection string; overrides --data. Default: $EIPNET_POSTGRES.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("EIPNET_POSTGRES"),
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Data);
        command.Options.Add(Postgres);
    }

    public ServerOptions Read(ParseResult result) => new()
    {
        DataDirectory = result.GetValue(Data)!,
        Postgres = result.GetValue(Postgres) is { Length: > 0 } cs ? cs : null,
    };
}

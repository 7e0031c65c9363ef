using System.Diagnostics;
using Eipnet.Agent.Kernel;

namespace Eipnet.Cli.Commands;

/// <summary>The agent `eipnet server` starts for its own host (the single-machine default): a child process running
/// `eipnet agent`, started again when it ends, asked to stop (SIGTERM, by its PID) when the server stops.</summary>
internal sealed class LocalAgent : IAsyncDisposable
{
    private static readonly TimeSpan RestartDelay = TimeSpan.FromSeconds(1);
    private readonly IReadOnlyList<string> arguments;
    private readonly string token;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task supervision;
    private Process? current;

    private LocalAgent(IReadOnlyList<string> arguments, string token)
    {
        this.arguments = arguments;
        this.token = token;
        supervision = SuperviseAsync();
    }

    /// <summary>The PID of the running agent process, if one runs.</summary>
    public int? ProcessId => current is { HasExited: false } p ? p.Id : null;

    public static LocalAgent Start(IReadOnlyList<string> agentArguments, string token) => new(agentArguments, token);

    private async Task SuperviseAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            var process = StartProcess();
            current = process;
            try
            {
                await process.WaitForExitAsync(stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            Console.Error.WriteLine($"eipnet: the agent (pid {process.Id}) ended with code {process.ExitCode}; starting it again");
            current = null;
            OwnedProcess.Release(process);
            await Task.Delay(RestartDelay, stopping.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private Process StartProcess()
    {
        // The same program: the apphost, or `dotnet eipnet.dll` when run that way.
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this program is unknown.");
        var info = new ProcessStartInfo(self) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
            info.ArgumentList.Add(typeof(LocalAgent).Assembly.Location);
        info.ArgumentList.Add("agent");
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        info.Environment[AgentCommand.TokenVariable] = token;
        return Process.Start(info) ?? throw new InvalidOperationException("The agent process did not start.");
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await supervision;
        if (current is { } process)
            OwnedProcess.Terminate(process, TimeSpan.FromSeconds(10));
        stopping.Dispose();
    }
}

/// <summary>The lab's local agents, stopped together.</summary>
internal sealed class LocalAgents : IAsyncDisposable
{
    private readonly List<LocalAgent> agents = [];

    public void Add(LocalAgent agent) => agents.Add(agent);

    public async ValueTask DisposeAsync()
    {
        foreach (var agent in agents)
            await agent.DisposeAsync();
    }
}

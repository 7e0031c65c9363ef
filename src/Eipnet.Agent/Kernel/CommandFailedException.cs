namespace Eipnet.Agent.Kernel;

/// <summary>A kernel command (ip, nft, conntrack, sysctl) failed; the message holds the command line and what it printed.</summary>
public sealed class CommandFailedException(CommandResult result)
    : Exception($"'{result.Command}' exited with {result.ExitCode}: {result.Stderr.Trim()}")
{
    public CommandResult Result { get; } = result;
}

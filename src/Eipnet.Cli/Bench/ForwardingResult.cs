namespace Eipnet.Cli.Bench;

/// <summary>What one configuration measured in one round, and how long loading its rules into the gateway took.</summary>
internal sealed record ForwardingResult(int Round, ForwardingSetup Setup, ForwardingSample Udp, ForwardingSample Tcp,
    ForwardingSample Connections, TimeSpan Load);

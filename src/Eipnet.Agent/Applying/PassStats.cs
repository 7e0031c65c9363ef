namespace Eipnet.Agent.Applying;

/// <summary>One pass of the Linux data plane: the revision, whether it observed and reloaded everything, how many
/// operations and kernel commands (processes: ip, sysctl, nft, conntrack; netlink requests are not counted) it ran, the
/// time to fold and plan and diff, and the time to apply.</summary>
public sealed record PassStats(long Revision, bool Resync, int Operations, long Commands, TimeSpan Plan, TimeSpan Apply);

namespace Eipnet.Cli.Guest;

/// <summary>A configuration that cannot be generated as asked (unknown ENI, no EIP to spread over, a format that cannot
/// express the choice); the message says why and what to do.</summary>
public sealed class GuestConfigException(string message) : Exception(message);

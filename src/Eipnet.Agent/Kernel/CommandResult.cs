namespace Eipnet.Agent.Kernel;

/// <summary>What a finished command printed and returned.</summary>
public sealed record CommandResult(string Command, int ExitCode, string Stdout, string Stderr)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>True when stderr says the thing to delete or find is not there (the kernel's ENOENT/ESRCH/EADDRNOTAVAIL texts,
    /// or its own explanation, which ip prints instead when the kernel gives one: "ipv4: Address not found").</summary>
    public bool SaysMissing =>
        Stderr.Contains("Cannot find device", StringComparison.Ordinal)
        || Stderr.Contains("No such process", StringComparison.Ordinal)
        || Stderr.Contains("No such file or directory", StringComparison.Ordinal)
        || Stderr.Contains("Cannot assign requested address", StringComparison.Ordinal)
        || Stderr.Contains("Address not found", StringComparison.Ordinal)
        || Stderr.Contains("does not exist", StringComparison.Ordinal);

    /// <summary>True when stderr says the thing to create is already there (EEXIST).</summary>
    public bool SaysExists => Stderr.Contains("File exists", StringComparison.Ordinal);
}

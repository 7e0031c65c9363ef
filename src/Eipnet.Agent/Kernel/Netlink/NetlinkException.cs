namespace Eipnet.Agent.Kernel.Netlink;

/// <summary>The kernel refused a netlink request: <see cref="Errno"/> is what it answered, the message names the request,
/// the namespace and the kernel's own explanation when it gave one (extended ack).</summary>
public sealed class NetlinkException(string request, int errno, string? kernelMessage)
    : Exception($"{request}: {Describe(errno)}" + (string.IsNullOrEmpty(kernelMessage) ? "" : $" ({kernelMessage})"))
{
    public const int ENOENT = 2;
    public const int ESRCH = 3;
    public const int EEXIST = 17;
    public const int ENODEV = 19;
    public const int EADDRNOTAVAIL = 99;

    public int Errno { get; } = errno;

    /// <summary>The thing to delete, change or find is not there: the errnos whose texts <see cref="CommandResult.SaysMissing"/>
    /// reads from ip ("Cannot find device", "No such process", "No such file or directory", "Cannot assign requested address").</summary>
    public bool IsMissing => Errno is ENOENT or ESRCH or ENODEV or EADDRNOTAVAIL;

    /// <summary>The thing to create is there already ("File exists").</summary>
    public bool IsExists => Errno == EEXIST;

    private static string Describe(int errno) => errno switch
    {
        ENOENT => "No such file or directory",
        ESRCH => "No such process",
        EEXIST => "File exists",
        ENODEV => "No such device",
        EADDRNOTAVAIL => "Cannot assign requested address",
        _ => $"errno {errno}",
    } + $" (errno {errno})";
}

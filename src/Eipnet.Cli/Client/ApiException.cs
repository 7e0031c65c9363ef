namespace Eipnet.Cli.Client;

/// <summary>An error answer of the API: Alibaba's code, message and the HTTP status.</summary>
public sealed class ApiException(string code, string message, int status) : Exception($"{code}: {message}")
{
    public string Code { get; } = code;
    public int Status { get; } = status;
}

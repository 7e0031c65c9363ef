using System.Security.Cryptography.X509Certificates;
using Eipnet.Api.Tls;

namespace Eipnet.Cli.Commands;

/// <summary>What `eipnet server` serves: plain HTTP, or HTTPS with the given or a self-signed certificate.</summary>
/// <param name="Certificate">Null: plain HTTP.</param>
/// <param name="TrustFile">The PEM file a client (and the server's own agent) trusts to reach the server; null with plain HTTP.</param>
internal sealed record ServerTls(X509Certificate2? Certificate, string? TrustFile)
{
    /// <summary>Reads the TLS options, or returns null after saying on stderr why they cannot be used.</summary>
    public static ServerTls? Read(string? certificateFile, string? keyFile, bool selfSigned, string dataDirectory)
    {
        if (selfSigned && (certificateFile is not null || keyFile is not null))
            return Refuse("--tls-self-signed cannot be combined with --tls-cert or --tls-key.");
        if ((certificateFile is null) != (keyFile is null))
            return Refuse("--tls-cert and --tls-key go together.");
        try
        {
            if (selfSigned)
            {
                var (certificate, file) = ServerCertificate.SelfSigned(Path.Combine(dataDirectory, "tls"), TimeProvider.System);
                return new ServerTls(certificate, Path.GetFullPath(file));
            }
            return certificateFile is null
                ? new ServerTls(null, null)
                : new ServerTls(ServerCertificate.Load(certificateFile, keyFile!), Path.GetFullPath(certificateFile));
        }
        catch (ServerCertificateException e)
        {
            return Refuse(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Refuse($"cannot write the self-signed certificate under {dataDirectory}: {e.Message}");
        }
    }

    private static ServerTls? Refuse(string why)
    {
        Console.Error.WriteLine($"eipnet: TLS: {why}");
        return null;
    }
}

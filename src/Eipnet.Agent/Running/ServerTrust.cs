using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Eipnet.Agent.Running;

/// <summary>Which HTTPS certificates the agent accepts from its server: those the system trusts, those issued by a certificate
/// in a PEM file given with --ca-file, and those that are one of its certificates (the server's self-signed one, or the very
/// certificate it serves). The server's name is checked in every case.</summary>
public sealed class ServerTrust(X509Certificate2Collection anchors)
{
    /// <summary>The certificates in a PEM file; throws <see cref="System.Security.Cryptography.CryptographicException"/> or an
    /// I/O exception when it cannot be read, and <see cref="InvalidDataException"/> when it holds none.</summary>
    public static ServerTrust FromPemFile(string file)
    {
        var anchors = new X509Certificate2Collection();
        anchors.ImportFromPemFile(file);
        return anchors.Count > 0 ? new ServerTrust(anchors) : throw new InvalidDataException($"{file} holds no PEM certificate.");
    }

    public bool Validate(X509Certificate? certificate, X509Chain? _, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
            return true;
        // A wrong name or a missing certificate is never excused; only an issuer the system does not know.
        if (errors != SslPolicyErrors.RemoteCertificateChainErrors || certificate is null)
            return false;
        using var presented = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        // The file may hold the server's own certificate without the CA that issued it (`eipnet server --tls-cert` hands its
        // agent the file it serves): that very certificate is trusted as it is.
        if (anchors.Any(anchor => anchor.RawDataMemory.Span.SequenceEqual(presented.RawDataMemory.Span)))
            return true;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(anchors);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(presented);
    }
}

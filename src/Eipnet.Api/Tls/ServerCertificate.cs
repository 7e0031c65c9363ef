using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Eipnet.Api.Tls;

/// <summary>The certificate the API serves HTTPS with: read from PEM files, or a self-signed one for this machine kept in the
/// data directory.</summary>
public static class ServerCertificate
{
    /// <summary>A self-signed certificate is made again when less than this much of its life remains.</summary>
    private static readonly TimeSpan RenewBefore = TimeSpan.FromDays(30);
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(825);

    /// <summary>Reads a PEM certificate (optionally followed by its chain) and its PEM private key.</summary>
    /// <exception cref="ServerCertificateException">A file is missing or unreadable, or the key does not fit the certificate.</exception>
    public static X509Certificate2 Load(string certificateFile, string keyFile)
    {
        foreach (var file in new[] { certificateFile, keyFile })
        {
            if (!File.Exists(file))
                throw new ServerCertificateException($"{file} does not exist.");
        }
        try
        {
            return CreateUsable(X509Certificate2.CreateFromPemFile(certificateFile, keyFile));
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            throw new ServerCertificateException($"cannot use {certificateFile} with key {keyFile}: {e.Message}");
        }
    }

    /// <summary>The self-signed certificate for 127.0.0.1 and localhost under <paramref name="directory"/> (server.crt,
    /// server.key), made there when missing, unreadable or near its end.</summary>
    /// <returns>The certificate and the file a client must trust.</returns>
    public static (X509Certificate2 Certificate, string CertificateFile) SelfSigned(string directory, TimeProvider time)
    {
        var certificateFile = Path.Combine(directory, "server.crt");
        var keyFile = Path.Combine(directory, "server.key");
        var now = time.GetUtcNow();
        if (File.Exists(certificateFile) && File.Exists(keyFile))
        {
            try
            {
                var existing = Load(certificateFile, keyFile);
                if (existing.NotAfter.ToUniversalTime() - now.UtcDateTime > RenewBefore && existing.NotBefore.ToUniversalTime() <= now.UtcDateTime)
                    return (existing, certificateFile);
                existing.Dispose();
            }
            catch (ServerCertificateException)
            {
                // Made again below.
            }
        }

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=eipnet self-signed", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        // A CA certificate as well, so that clients which want a trust anchor with CA:true (OpenSSL, Go) accept it as its own root.
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var made = request.CreateSelfSigned(now.AddMinutes(-5), now.Add(Lifetime));

        Directory.CreateDirectory(directory);
        File.WriteAllText(certificateFile, made.ExportCertificatePem());
        WritePrivate(keyFile, key.ExportPkcs8PrivateKeyPem());
        return (Load(certificateFile, keyFile), certificateFile);
    }

    private static void WritePrivate(string file, string text)
    {
        File.Delete(file);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var writer = new StreamWriter(file, options);
        writer.Write(text);
    }

    // A key read from PEM lives only in memory; SslStream on Windows needs it in a key store, so it is exported and read back.
    private static X509Certificate2 CreateUsable(X509Certificate2 certificate)
    {
        if (!OperatingSystem.IsWindows())
            return certificate;
        using (certificate)
            return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }
}

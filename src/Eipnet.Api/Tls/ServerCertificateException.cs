namespace Eipnet.Api.Tls;

/// <summary>The certificate or key the server was given cannot be used; the message says which file and why.</summary>
public sealed class ServerCertificateException(string message) : Exception(message);

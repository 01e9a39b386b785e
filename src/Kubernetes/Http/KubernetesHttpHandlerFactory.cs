using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Skyforge.Kubernetes.Configuration;

namespace Skyforge.Kubernetes.Http;

/// <summary>Builds the socket handler that carries the configuration's TLS trust and client certificate.</summary>
public static class KubernetesHttpHandlerFactory
{
    /// <param name="clientCertificate">
    /// Asked on every TLS handshake, so a certificate an exec plugin rotates is used by the next connection.
    /// </param>
    public static SocketsHttpHandler Create(KubernetesClientConfiguration configuration, Func<X509Certificate2?> clientCertificate)
    {
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.GZip,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(90),
            // Rotated credentials (client certificates) take effect on new connections; don't keep one for ever.
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            EnableMultipleHttp2Connections = true,
        };
        handler.SslOptions.TargetHost = configuration.TlsServerName;
        handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => clientCertificate();
        var authorities = configuration.CertificateAuthorities;
        if (configuration.InsecureSkipTlsVerify)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        }
        else if (authorities is { Count: > 0 })
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
                ChainsToAuthorities(certificate, chain, errors, authorities);
        }
        return handler;
    }

    // The platform check ran against the system store; with a kubeconfig CA only the name check and
    // a chain built against exactly that CA count.
    private static bool ChainsToAuthorities(X509Certificate? certificate, X509Chain? presentedChain, SslPolicyErrors errors, X509Certificate2Collection authorities)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return false;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        if (presentedChain is not null)
        {
            foreach (var element in presentedChain.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }
        var leaf = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    }
}

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Skyforge.Kubernetes.Configuration;

/// <summary>Loads the PEM material kubeconfigs carry; errors say where it came from, never what it contains.</summary>
internal static class PemCertificates
{
    public static X509Certificate2 LoadClientCertificate(string certificatePem, string keyPem, string source)
    {
        try
        {
            return X509Certificate2.CreateFromPem(certificatePem, keyPem);
        }
        catch (CryptographicException ex)
        {
            throw new KubeConfigException($"{source}: the client certificate and key are not a valid PEM pair ({ex.Message})", ex);
        }
        catch (ArgumentException ex)
        {
            throw new KubeConfigException($"{source}: the client certificate or key is not PEM", ex);
        }
    }

    public static X509Certificate2Collection LoadAuthorities(string pem, string source)
    {
        var authorities = new X509Certificate2Collection();
        try
        {
            authorities.ImportFromPem(pem);
        }
        catch (CryptographicException ex)
        {
            throw new KubeConfigException($"{source}: the certificate authority is not valid PEM ({ex.Message})", ex);
        }
        return authorities.Count > 0
            ? authorities
            : throw new KubeConfigException($"{source}: the certificate authority holds no PEM certificate");
    }
}

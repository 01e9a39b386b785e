using System.ComponentModel;
using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;
using Skyforge.Kubernetes.Models;

namespace Skyforge.Kubernetes.Configuration;

/// <summary>
/// Runs a kubeconfig exec plugin and caches the ExecCredential it prints until its
/// <c>expirationTimestamp</c> (for ever when it has none, until the server rejects it).
/// One plugin run at a time: concurrent requests share the result.
/// </summary>
public sealed class ExecCredentialProvider : ICredentialProvider
{
    private static readonly TimeSpan PluginTimeout = TimeSpan.FromMinutes(2);
    private const int MaxStderrInMessage = 300;

    private readonly ExecConfig _config;
    private readonly ExecClusterInfo? _cluster;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _runGate = new(1, 1);
    private volatile KubernetesCredential? _cached;

    public ExecCredentialProvider(ExecConfig config, ExecClusterInfo? cluster, TimeProvider timeProvider)
    {
        if (config.ApiVersion is not (ExecApiVersions.V1 or ExecApiVersions.V1Beta1))
        {
            throw new KubeConfigException($"exec plugin apiVersion \"{config.ApiVersion}\" is not supported; use {ExecApiVersions.V1} or {ExecApiVersions.V1Beta1}");
        }
        if (config.InteractiveMode == "Always")
        {
            throw new KubeConfigException($"exec plugin \"{config.Command}\" requires interactive mode, which a controller cannot provide");
        }
        _config = config;
        _cluster = cluster;
        _timeProvider = timeProvider;
    }

    public async ValueTask<KubernetesCredential> GetCredentialAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } fresh && IsValid(fresh))
        {
            return fresh;
        }
        await _runGate.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } refreshedMeanwhile && IsValid(refreshedMeanwhile))
            {
                return refreshedMeanwhile;
            }
            var credential = await RunPluginAsync(cancellationToken);
            _cached = credential;
            return credential;
        }
        finally
        {
            _runGate.Release();
        }
    }

    public bool Invalidate()
    {
        _cached = null;
        return true;
    }

    private bool IsValid(KubernetesCredential credential) =>
        credential.ExpiresAt is not { } expiry || _timeProvider.GetUtcNow() < expiry;

    private async Task<KubernetesCredential> RunPluginAsync(CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(_config.Command)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in _config.Args)
        {
            startInfo.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in _config.Env)
        {
            startInfo.Environment[name] = value;
        }
        startInfo.Environment["KUBERNETES_EXEC_INFO"] = ExecInfoJson();

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            var hint = string.IsNullOrWhiteSpace(_config.InstallHint) ? "" : $"\n{_config.InstallHint}";
            throw new KubeConfigException($"cannot run exec plugin \"{_config.Command}\": {ex.Message}{hint}", ex);
        }
        process.StandardInput.Close();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PluginTimeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            await Task.WhenAll(stdout, stderr);
        }
        catch (OperationCanceledException)
        {
            KillQuietly(process);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            throw new KubeConfigException($"exec plugin \"{_config.Command}\" did not finish within {PluginTimeout.TotalSeconds:0} s");
        }
        if (process.ExitCode != 0)
        {
            var detail = (await stderr).Trim();
            if (detail.Length > MaxStderrInMessage)
            {
                detail = detail[..MaxStderrInMessage] + "…";
            }
            throw new KubeConfigException($"exec plugin \"{_config.Command}\" exited with code {process.ExitCode}: {detail}");
        }
        return ParseExecCredential(await stdout);
    }

    private static void KillQuietly(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the timeout and the kill: nothing left to stop.
        }
    }

    private KubernetesCredential ParseExecCredential(string output)
    {
        JsonObject? root;
        try
        {
            root = JsonNode.Parse(output) as JsonObject;
        }
        catch (JsonException)
        {
            root = null;
        }
        // The output holds the token: error messages name what is wrong, never echo the text.
        if (root is null || root["kind"]?.GetValueKind() != JsonValueKind.String || (string?)root["kind"] != "ExecCredential")
        {
            throw new KubeConfigException($"exec plugin \"{_config.Command}\" did not print an ExecCredential object");
        }
        var apiVersion = root["apiVersion"]?.GetValueKind() == JsonValueKind.String ? (string?)root["apiVersion"] : null;
        if (apiVersion != _config.ApiVersion)
        {
            throw new KubeConfigException($"exec plugin \"{_config.Command}\" answered apiVersion \"{apiVersion}\", expected \"{_config.ApiVersion}\"");
        }
        if (root["status"] is not JsonObject status)
        {
            throw new KubeConfigException($"exec plugin \"{_config.Command}\" printed an ExecCredential without status");
        }
        var token = StringOf(status, "token");
        var certificatePem = StringOf(status, "clientCertificateData");
        var keyPem = StringOf(status, "clientKeyData");
        var expiry = StringOf(status, "expirationTimestamp");
        X509Certificate2? certificate = null;
        if (certificatePem is not null || keyPem is not null)
        {
            if (certificatePem is null || keyPem is null)
            {
                throw new KubeConfigException($"exec plugin \"{_config.Command}\" must print both clientCertificateData and clientKeyData");
            }
            certificate = PemCertificates.LoadClientCertificate(certificatePem, keyPem, $"exec plugin \"{_config.Command}\"");
        }
        if (string.IsNullOrEmpty(token) && certificate is null)
        {
            throw new KubeConfigException($"exec plugin \"{_config.Command}\" printed neither a token nor a client certificate");
        }
        DateTimeOffset? expiresAt = null;
        if (expiry is not null)
        {
            try
            {
                expiresAt = KubernetesTimeConverter.ParseRfc3339(expiry);
            }
            catch (JsonException ex)
            {
                throw new KubeConfigException($"exec plugin \"{_config.Command}\" printed an invalid expirationTimestamp", ex);
            }
        }
        return new KubernetesCredential
        {
            BearerToken = string.IsNullOrEmpty(token) ? null : token,
            ClientCertificate = certificate,
            ExpiresAt = expiresAt,
        };
    }

    private static string? StringOf(JsonObject obj, string name) =>
        obj[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private string ExecInfoJson()
    {
        var spec = new JsonObject { ["interactive"] = false };
        if (_config.ProvideClusterInfo && _cluster is not null)
        {
            var cluster = new JsonObject { ["server"] = _cluster.Server };
            if (_cluster.CertificateAuthorityData is not null)
            {
                cluster["certificate-authority-data"] = _cluster.CertificateAuthorityData;
            }
            if (_cluster.InsecureSkipTlsVerify)
            {
                cluster["insecure-skip-tls-verify"] = true;
            }
            if (_cluster.TlsServerName is not null)
            {
                cluster["tls-server-name"] = _cluster.TlsServerName;
            }
            spec["cluster"] = cluster;
        }
        var info = new JsonObject
        {
            ["apiVersion"] = _config.ApiVersion,
            ["kind"] = "ExecCredential",
            ["spec"] = spec,
        };
        return info.ToJsonString();
    }
}

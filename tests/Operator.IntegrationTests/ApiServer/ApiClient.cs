using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Skyforge.TestKit.ApiServer;

namespace Skyforge.Operator.IntegrationTests.ApiServer;

/// <summary>A raw HTTP client for the test API server, so tests see exactly what goes over the wire.</summary>
internal sealed class ApiClient : IDisposable
{
    private readonly HttpClient _http;

    private ApiClient(HttpClient http)
    {
        _http = http;
    }

    public static ApiClient For(TestApiServer server, string? token = null, bool authenticate = true)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (server.CertificateAuthorityPem is { } pem)
        {
            var authority = X509Certificate2.CreateFromPem(pem);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            {
                if (certificate is null)
                {
                    return false;
                }
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(authority);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return chain.Build(new X509Certificate2(certificate));
            };
        }
        var http = new HttpClient(handler) { BaseAddress = server.Url, Timeout = TimeSpan.FromSeconds(30) };
        if (authenticate)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token ?? server.Token);
        }
        http.DefaultRequestHeaders.UserAgent.ParseAdd("apiserver-tests/1.0");
        return new ApiClient(http);
    }

    public Task<ApiResponse> GetAsync(string path, string? accept = null) =>
        SendAsync(HttpMethod.Get, path, null, null, accept);

    public Task<ApiResponse> PostAsync(string path, JsonNode body) =>
        SendAsync(HttpMethod.Post, path, body.ToJsonString(), "application/json");

    public Task<ApiResponse> PutAsync(string path, JsonNode body) =>
        SendAsync(HttpMethod.Put, path, body.ToJsonString(), "application/json");

    public Task<ApiResponse> PatchAsync(string path, string contentType, string body) =>
        SendAsync(HttpMethod.Patch, path, body, contentType);

    public Task<ApiResponse> MergePatchAsync(string path, JsonNode patch) =>
        PatchAsync(path, "application/merge-patch+json", patch.ToJsonString());

    public Task<ApiResponse> ApplyAsync(string path, string yamlOrJson, string fieldManager, bool force = false) =>
        PatchAsync($"{path}?fieldManager={fieldManager}{(force ? "&force=true" : "")}", "application/apply-patch+yaml", yamlOrJson);

    public Task<ApiResponse> DeleteAsync(string path, JsonNode? options = null) =>
        SendAsync(HttpMethod.Delete, path, options?.ToJsonString(), options is null ? null : "application/json");

    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, string? body, string? contentType, string? accept = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType ?? "application/json");
        }
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonObject? json = null;
        if (response.Content.Headers.ContentType?.MediaType == "application/json" && text.Length > 0)
        {
            json = JsonNode.Parse(text) as JsonObject;
        }
        var warnings = response.Headers.TryGetValues("Warning", out var values) ? values.ToList() : [];
        var retryAfter = response.Headers.RetryAfter?.Delta;
        return new ApiResponse(response.StatusCode, json, text, warnings, retryAfter, response.Content.Headers.ContentType?.ToString() ?? "");
    }

    /// <summary>Opens a watch and returns a reader over its event lines.</summary>
    public async Task<WatchReader> WatchAsync(string pathAndQuery, string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
        var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new WatchReader(request, response, await response.Content.ReadAsStreamAsync());
    }

    public void Dispose() => _http.Dispose();
}

internal sealed record ApiResponse(
    HttpStatusCode Status,
    JsonObject? Body,
    string Text,
    IReadOnlyList<string> Warnings,
    TimeSpan? RetryAfter,
    string ContentType)
{
    public int Code => (int)Status;

    public string? Reason => Body?["reason"]?.GetValue<string>();

    public string? Message => Body?["message"]?.GetValue<string>();

    public string ResourceVersion => Body?["metadata"]?["resourceVersion"]?.GetValue<string>() ?? "";

    /// <summary>The body, asserting the expected status first (with the body in the failure message).</summary>
    public JsonObject Expect(HttpStatusCode expected)
    {
        Assert.True(Status == expected, $"expected {(int)expected} but got {Code}: {Text}");
        return Body!;
    }
}

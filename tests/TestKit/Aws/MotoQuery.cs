using System.Globalization;
using System.Net.Http.Headers;
using System.Xml.Linq;

namespace Skyforge.TestKit.Aws;

/// <summary>
/// Raw query-protocol calls straight to moto (which does not verify signatures; the credential scope names the service
/// and region), so that tests can read state through operations Skyforge's own clients do not offer.
/// </summary>
public static class MotoQuery
{
    /// <summary>Sends <paramref name="action"/> and returns the answer's XML.</summary>
    /// <exception cref="MotoQueryException">moto answered with an error.</exception>
    public static async Task<XElement> CallAsync(Uri endpoint, string region, string service, string version, string action, IEnumerable<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient { BaseAddress = endpoint };
        var form = new List<KeyValuePair<string, string>> { new("Action", action), new("Version", version) };
        form.AddRange(parameters);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new FormUrlEncodedContent(form),
        };
        var date = TimeProvider.System.GetUtcNow().ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "AWS4-HMAC-SHA256",
            $"Credential=testing/{date}/{region}/{service}/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var code = XElement.Parse(body).Descendants().FirstOrDefault(element => element.Name.LocalName == "Code")?.Value;
            throw new MotoQueryException(code, $"moto {service} {action} failed with HTTP {(int)response.StatusCode}: {body}");
        }
        return XElement.Parse(body);
    }

    /// <summary>The text of every element named <paramref name="name"/> in the answer, in document order.</summary>
    public static IReadOnlyList<string> Values(XElement answer, string name) =>
        [.. answer.Descendants().Where(element => element.Name.LocalName == name).Select(element => element.Value)];
}

/// <summary>moto answered a <see cref="MotoQuery"/> call with an error; <see cref="Code"/> is the wire error code.</summary>
public sealed class MotoQueryException(string? code, string message) : Exception(message)
{
    public string? Code { get; } = code;
}

using System.Text.Json;
using Skyforge.Aws.Http;

namespace Skyforge.Aws.Protocols.Json;

/// <summary>Reads a successful JSON answer into a response record; an empty body is an empty record.</summary>
internal static class JsonBodies
{
    public static T Read<T>(AwsService service, string operation, AwsHttpResponse response)
        where T : new()
    {
        if (response.Body.Length == 0)
        {
            return new T();
        }
        try
        {
            return JsonSerializer.Deserialize<T>(response.Body, AwsJson.WireOptions) ?? new T();
        }
        catch (JsonException exception)
        {
            throw AwsTransport.MalformedResponse(service, operation, response, exception);
        }
    }
}

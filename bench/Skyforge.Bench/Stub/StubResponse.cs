using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Skyforge.Bench.Stub;

/// <summary>What the stub answers: a status, a body in the protocol's shape, and the error type header of JSON errors.</summary>
internal sealed record StubResponse(HttpStatusCode Status, string ContentType, string Body, string? ErrorType = null)
{
    private static readonly XNamespace QueryNamespace = "https://skyforge.dev/bench/aws-stub/";

    /// <summary>An awsQuery answer: <c>&lt;OpResponse&gt;&lt;OpResult&gt;…&lt;/OpResult&gt;&lt;/OpResponse&gt;</c>.</summary>
    public static StubResponse QueryResult(string operation, params object?[] content) => new(
        HttpStatusCode.OK,
        "text/xml",
        new XElement(QueryNamespace + operation + "Response",
            new XElement(QueryNamespace + operation + "Result", content),
            new XElement(QueryNamespace + "ResponseMetadata", new XElement(QueryNamespace + "RequestId", Guid.NewGuid()))).ToString(SaveOptions.DisableFormatting));

    /// <summary>An awsQuery error: <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Code&gt;…</c>.</summary>
    public static StubResponse QueryError(HttpStatusCode status, string code, string message) => new(
        status,
        "text/xml",
        new XElement("ErrorResponse",
            new XElement("Error", new XElement("Type", "Sender"), new XElement("Code", code), new XElement("Message", message)),
            new XElement("RequestId", Guid.NewGuid())).ToString(SaveOptions.DisableFormatting));

    public static StubResponse Json(JsonNode body) => new(HttpStatusCode.OK, "application/json", body.ToJsonString());

    public static StubResponse JsonError(HttpStatusCode status, string code, string message) =>
        new(status, "application/json", new JsonObject { ["__type"] = code, ["message"] = message }.ToJsonString(), code);

    /// <summary>An XML element in the answer's namespace (the client ignores namespaces).</summary>
    public static XElement Element(string name, params object?[] content) => new(QueryNamespace + name, content);

    public byte[] Bytes => Encoding.UTF8.GetBytes(Body);
}

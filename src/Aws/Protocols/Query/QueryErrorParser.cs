using System.Xml;
using System.Xml.Linq;
using Skyforge.Aws.Http;

namespace Skyforge.Aws.Protocols.Query;

/// <summary>
/// Reads awsQuery errors: <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;&lt;RequestId/&gt;</c>
/// (also the EC2-style <c>&lt;Response&gt;&lt;Errors&gt;</c> wrapper). A body that is not XML yields code
/// <c>Unknown</c>; the HTTP status still classifies it.
/// </summary>
internal sealed class QueryErrorParser : IAwsErrorParser
{
    public static readonly QueryErrorParser Instance = new();

    public AwsErrorInfo Parse(AwsHttpResponse response)
    {
        var headerRequestId = response.Header("x-amzn-RequestId") ?? response.Header("x-amz-request-id");
        XElement? root;
        try
        {
            using var stream = new MemoryStream(response.Body);
            root = response.Body.Length == 0 ? null : XDocument.Load(stream).Root;
        }
        catch (XmlException)
        {
            root = null;
        }
        var error = root?.DescendantsAndSelf().FirstOrDefault(element => element.Name.LocalName == "Error");
        var code = Child(error, "Code");
        var message = Child(error, "Message");
        var requestId = root?.Descendants().FirstOrDefault(element => element.Name.LocalName is "RequestId" or "RequestID")?.Value;
        return new AwsErrorInfo(string.IsNullOrWhiteSpace(code) ? "Unknown" : code.Trim(), message, requestId ?? headerRequestId);
    }

    private static string? Child(XElement? parent, string name) =>
        parent?.Elements().FirstOrDefault(element => element.Name.LocalName == name)?.Value;
}

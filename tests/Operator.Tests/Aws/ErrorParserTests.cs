using System.Net;
using System.Text;
using Skyforge.Aws.Http;
using Skyforge.Aws.Protocols.Json;
using Skyforge.Aws.Protocols.Query;

namespace Skyforge.Operator.Tests.Aws;

public sealed class ErrorParserTests
{
    [Fact]
    public void QueryErrorsCarryCodeMessageAndRequestId()
    {
        var error = QueryErrorParser.Instance.Parse(Response(HttpStatusCode.NotFound, """
            <ErrorResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/">
              <Error><Type>Sender</Type><Code>DBInstanceNotFound</Code><Message>DBInstance orders not found.</Message></Error>
              <RequestId>4a2b-request</RequestId>
            </ErrorResponse>
            """));

        Assert.Equal(("DBInstanceNotFound", "DBInstance orders not found.", "4a2b-request"), (error.Code, error.Message, error.RequestId));
    }

    [Fact]
    public void Ec2StyleQueryErrorsAreRead()
    {
        var error = QueryErrorParser.Instance.Parse(Response(HttpStatusCode.BadRequest,
            "<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors><RequestID>ec2-id</RequestID></Response>"));

        Assert.Equal(("RequestLimitExceeded", "ec2-id"), (error.Code, error.RequestId));
    }

    [Fact]
    public void ANonXmlQueryErrorIsUnknownWithTheHeaderRequestId()
    {
        var error = QueryErrorParser.Instance.Parse(Response(HttpStatusCode.BadGateway, "<html>Bad gateway", ("x-amzn-RequestId", "edge-id")));

        Assert.Equal(("Unknown", "edge-id"), (error.Code, error.RequestId));
    }

    [Theory]
    [InlineData("{\"__type\":\"ResourceNotFoundException\",\"Message\":\"Hi\"}", null, "ResourceNotFoundException", "Hi")]
    [InlineData("{\"__type\":\"aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/validate/\"}", null, "FooError", null)]
    [InlineData("{\"code\":\"aws.protocoltests.restjson#FooError\",\"message\":\"lower\"}", null, "FooError", "lower")]
    [InlineData("", "FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/", "FooError", null)]
    [InlineData("{\"message\":\"Too Many Requests\"}", "aws.protocoltests#TooManyRequestsException", "TooManyRequestsException", "Too Many Requests")]
    [InlineData("{\"__type\":\"BodyCode\"}", "HeaderCode", "HeaderCode", null)]
    [InlineData("<html/>", null, "Unknown", null)]
    public void JsonErrorsPreferTheHeaderAndStripDecorations(string body, string? errorType, string code, string? message)
    {
        var headers = errorType is null ? [] : new[] { ("X-Amzn-ErrorType", errorType) };

        var error = JsonErrorParser.Instance.Parse(Response(HttpStatusCode.BadRequest, body, [.. headers, ("x-amzn-RequestId", "json-id")]));

        Assert.Equal((code, message, "json-id"), (error.Code, error.Message, error.RequestId));
    }

    private static AwsHttpResponse Response(HttpStatusCode status, string body, params (string Name, string Value)[] headers) =>
        new(status, headers.ToDictionary(header => header.Name, header => header.Value, StringComparer.OrdinalIgnoreCase), Encoding.UTF8.GetBytes(body));
}

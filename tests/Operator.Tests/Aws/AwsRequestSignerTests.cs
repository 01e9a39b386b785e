using System.Text;
using Amazon.Runtime;
using Skyforge.Aws;
using Skyforge.Aws.Http;
using Skyforge.Aws.Signing;

namespace Skyforge.Operator.Tests.Aws;

/// <summary>Signatures equal those botocore (an independent SigV4 implementation) computes for the same request.</summary>
public sealed class AwsRequestSignerTests
{
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static readonly DateTimeOffset SignedAt = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void QueryPostIsSignedLikeBotocore()
    {
        var request = new AwsHttpRequest(HttpMethod.Post, "/")
        {
            ContentType = "application/x-www-form-urlencoded; charset=utf-8",
            Body = Encoding.UTF8.GetBytes("Action=DescribeDBInstances&Version=2014-10-31&MaxRecords=20"),
        };

        using var message = new AwsRequestSigner().CreateSignedMessage(
            AwsService.Rds, "us-east-1", new Uri("https://rds.us-east-1.amazonaws.com/"), request, new ImmutableCredentials("AKIDEXAMPLE", SecretKey, null), SignedAt);

        Assert.Equal("https://rds.us-east-1.amazonaws.com/", message.RequestUri!.AbsoluteUri);
        Assert.Equal(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240102/us-east-1/rds/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, "
            + "Signature=bfe36f95277e957934ed4d23c69946a9b74fe810d61a8485ca00994aa35ef556",
            Header(message, "Authorization"));
        Assert.Equal("20240102T030405Z", Header(message, "X-Amz-Date"));
        Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", message.Content!.Headers.GetValues("Content-Type").Single());
    }

    [Fact]
    public void RestGetWithArnLabelAndSessionTokenIsSignedLikeBotocore()
    {
        var request = new AwsHttpRequest(HttpMethod.Get, "/v1/clusters/{clusterArn}/bootstrap-brokers")
        {
            PathLabels = new Dictionary<string, string> { ["clusterArn"] = "arn:aws:kafka:eu-west-1:123456789012:cluster/orders/abc-1" },
        };

        using var message = new AwsRequestSigner().CreateSignedMessage(
            AwsService.Kafka, "eu-west-1", new Uri("https://kafka.eu-west-1.amazonaws.com/"), request,
            new ImmutableCredentials("ASIAEXAMPLE", SecretKey, "session-token-example"), SignedAt);

        Assert.Equal(
            "https://kafka.eu-west-1.amazonaws.com/v1/clusters/arn%3Aaws%3Akafka%3Aeu-west-1%3A123456789012%3Acluster%2Forders%2Fabc-1/bootstrap-brokers",
            message.RequestUri!.AbsoluteUri);
        Assert.Equal(
            "AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE/20240102/eu-west-1/kafka/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token, "
            + "Signature=7ffc1d12013bba73b648046257b31a26ca6b6332359dc54e2f88dfb619268d16",
            Header(message, "Authorization"));
        Assert.Equal("session-token-example", Header(message, "X-Amz-Security-Token"));
        Assert.Null(message.Content);
    }

    [Fact]
    public void AnEndpointPathPrefixIsKept()
    {
        var request = new AwsHttpRequest(HttpMethod.Get, "/api/v2/clusters") { Query = [new("maxResults", "5")] };

        using var message = new AwsRequestSigner().CreateSignedMessage(
            AwsService.Kafka, "us-east-1", new Uri("http://localhost:4566/aws/"), request, new ImmutableCredentials("AKID", "secret", null), SignedAt);

        Assert.Equal("http://localhost:4566/aws/api/v2/clusters?maxResults=5", message.RequestUri!.AbsoluteUri);
        Assert.Contains("Credential=AKID/20240102/us-east-1/kafka/aws4_request", Header(message, "Authorization"));
    }

    private static string Header(HttpRequestMessage message, string name) => message.Headers.GetValues(name).Single();
}

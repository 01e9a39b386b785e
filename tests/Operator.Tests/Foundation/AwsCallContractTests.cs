using System.Text.Json;
using Skyforge.Aws;

namespace Skyforge.Operator.Tests.Foundation;

/// <summary>
/// The builders and the AWS clients meet at the parameters: every call `render` shows must
/// deserialize, member for member, into the client's request record for that operation.
/// </summary>
public sealed class AwsCallContractTests
{
    private static readonly Dictionary<string, string> Namespaces = new()
    {
        ["rds"] = "Skyforge.Aws.Rds",
        ["elasticache"] = "Skyforge.Aws.ElastiCache",
        ["kafka"] = "Skyforge.Aws.Kafka",
        ["secretsmanager"] = "Skyforge.Aws.SecretsManager",
    };

    [Theory]
    [InlineData("palipoint")]
    [InlineData("portfolio")]
    [InlineData("shangwellness")]
    [InlineData("wallet")]
    [InlineData("cloud-design")]
    [InlineData("manageddatabase")]
    [InlineData("managedcache")]
    [InlineData("managedsecret")]
    public async Task Every_rendered_call_fits_its_client_request(string sample)
    {
        var render = await Render.OfSampleAsync(sample);
        foreach (var call in render.Calls)
        {
            var service = call["service"]!.GetValue<string>();
            var operation = call["operation"]!.GetValue<string>();
            var requestType = typeof(AwsJson).Assembly.GetType($"{Namespaces[service]}.{operation}Request");
            Assert.True(requestType is not null, $"{service} {operation}: no request record in Skyforge.Aws");
            var exception = Record.Exception(() => call["parameters"].Deserialize(requestType!, AwsJson.Options));
            Assert.True(exception is null, $"{sample}: {service} {operation}: {exception?.Message}");
        }
    }
}

using System.Text.Json;
using Skyforge.Aws;
using Skyforge.Operator.Builders;

namespace Skyforge.Operator.Providers;

/// <summary>A builder's AwsCall as the typed request of the AWS client (the parameters use the API's member names).</summary>
internal static class AwsCallRequests
{
    public static T Request<T>(this AwsCall call) =>
        call.Parameters.Deserialize<T>(AwsJson.Options) ?? throw new InvalidOperationException($"the builder's {call.Operation} parameters did not deserialize");
}

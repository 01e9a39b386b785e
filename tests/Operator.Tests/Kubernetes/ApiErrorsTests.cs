using System.Text;
using Skyforge.Kubernetes.Errors;

namespace Skyforge.Operator.Tests.Kubernetes;

public sealed class ApiErrorsTests
{
    private static KubernetesApiException Map(int code, string body) =>
        ApiErrors.FromStatus(code, ApiErrors.TryParseStatus(Encoding.UTF8.GetBytes(body)));

    private static string Status(int code, string reason, string message, string details = "{}") =>
        $$$"""{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"{{{message}}}","reason":"{{{reason}}}","details":{{{details}}},"code":{{{code}}}}""";

    [Fact]
    public void Not_found_keeps_the_servers_message()
    {
        var error = Assert.IsType<KubernetesNotFoundException>(Map(404, Status(404, "NotFound", "widgets.example.com \\\"w\\\" not found")));
        Assert.Equal("widgets.example.com \"w\" not found", error.Message);
        Assert.Equal(404, error.StatusCode);
        Assert.Equal("NotFound", error.Reason);
    }

    [Fact]
    public void Both_409_reasons_map_to_their_own_exception()
    {
        Assert.IsType<KubernetesAlreadyExistsException>(Map(409, Status(409, "AlreadyExists", "exists")));
        Assert.IsType<KubernetesConflictException>(Map(409, Status(409, "Conflict", "the object has been modified")));
    }

    [Fact]
    public void Invalid_exposes_each_field_cause()
    {
        var details = """{"name":"w","kind":"Widget","causes":[{"reason":"FieldValueRequired","message":"Required value","field":"spec.size"},{"reason":"FieldValueNotSupported","message":"Unsupported value: \"xl\"","field":"spec.tier"}]}""";
        var error = Assert.IsType<KubernetesInvalidException>(Map(422, Status(422, "Invalid", "Widget \\\"w\\\" is invalid", details)));
        Assert.Equal(["spec.size", "spec.tier"], error.Causes.Select(cause => cause.Field));
        Assert.Equal("FieldValueRequired", error.Causes[0].Reason);
    }

    [Fact]
    public void Expired_and_gone_both_mean_list_again()
    {
        Assert.IsType<KubernetesGoneException>(Map(410, Status(410, "Expired", "too old resource version: 1 (5)")));
        Assert.IsType<KubernetesGoneException>(Map(410, Status(410, "Gone", "gone")));
    }

    [Fact]
    public void Authentication_and_authorization_failures_are_distinct()
    {
        Assert.IsType<KubernetesUnauthorizedException>(Map(401, Status(401, "Unauthorized", "Unauthorized")));
        Assert.IsType<KubernetesForbiddenException>(Map(403, Status(403, "Forbidden", "secrets is forbidden")));
    }

    [Fact]
    public void Too_many_requests_carries_retry_after_from_the_details()
    {
        var error = Assert.IsType<KubernetesTooManyRequestsException>(Map(429, Status(429, "TooManyRequests", "slow down", """{"retryAfterSeconds":3}""")));
        Assert.Equal(TimeSpan.FromSeconds(3), error.RetryAfter);
    }

    [Fact]
    public void A_body_that_is_not_a_status_falls_back_to_the_http_code()
    {
        var error = Map(404, "<html>not here</html>");
        Assert.IsType<KubernetesNotFoundException>(error);
        Assert.Null(error.Status);
        Assert.Contains("404", error.Message);
        Assert.IsType<KubernetesApiException>(Map(500, ""));
    }
}

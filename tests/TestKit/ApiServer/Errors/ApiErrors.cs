using Skyforge.TestKit.ApiServer.Resources;

namespace Skyforge.TestKit.ApiServer.Errors;

/// <summary>Builds the API server's error responses with its reasons, codes and message wording.</summary>
internal static class ApiErrors
{
    public static ApiException NotFound(ResourceType type, string name) =>
        new(404, "NotFound", $"{type.QualifiedResource} \"{name}\" not found",
            new StatusDetails(name, type.Group, type.Plural));

    public static ApiException NotFound(string qualifiedResource, string group, string resource, string name) =>
        new(404, "NotFound", $"{qualifiedResource} \"{name}\" not found", new StatusDetails(name, group, resource));

    public static ApiException ResourceNotFound() =>
        new(404, "NotFound", "the server could not find the requested resource", new StatusDetails());

    public static ApiException AlreadyExists(ResourceType type, string name) =>
        new(409, "AlreadyExists", $"{type.QualifiedResource} \"{name}\" already exists",
            new StatusDetails(name, type.Group, type.Plural));

    public static ApiException Conflict(ResourceType type, string name, string detail) =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {type.QualifiedResource} \"{name}\": {detail}",
            new StatusDetails(name, type.Group, type.Plural));

    public static ApiException StaleResourceVersion(ResourceType type, string name) =>
        Conflict(type, name, "the object has been modified; please apply your changes to the latest version and try again");

    public static ApiException Invalid(ResourceType type, string name, IReadOnlyList<FieldProblem> problems)
    {
        var summary = problems.Count == 1
            ? problems[0].ToString()
            : "[" + string.Join(", ", problems.Select(p => p.ToString())) + "]";
        var causes = problems.Select(p => new StatusCause(p.Reason, p.Detail, p.Field)).ToList();
        return new ApiException(422, "Invalid", $"{type.QualifiedKind} \"{name}\" is invalid: {summary}",
            new StatusDetails(name, type.Group, type.Kind, Causes: causes));
    }

    public static ApiException Invalid(ResourceType type, string name, string field, string detail) =>
        Invalid(type, name, [new FieldProblem(field, detail)]);

    public static ApiException BadRequest(string message) => new(400, "BadRequest", message);

    public static ApiException MethodNotAllowed() =>
        new(405, "MethodNotAllowed", "the server does not allow this method on the requested resource", new StatusDetails());

    public static ApiException UnsupportedMediaType(string contentType, IEnumerable<string> accepted) =>
        new(415, "UnsupportedMediaType",
            $"the body of the request was in an unknown format - accepted media types include: {string.Join(", ", accepted)}",
            new StatusDetails(Causes: [new StatusCause("UnsupportedMediaType", contentType, null)]));

    public static ApiException Expired(string message) => new(410, "Expired", message);

    public static ApiException Forbidden(string message, StatusDetails? details = null) => new(403, "Forbidden", message, details);

    public static ApiException Unauthorized() => new(401, "Unauthorized", "Unauthorized");

    public static ApiException TooManyRequests(int retryAfterSeconds) =>
        new(429, "TooManyRequests", "Too many requests, please try again later.",
            new StatusDetails(RetryAfterSeconds: retryAfterSeconds));

    public static ApiException Internal(string message) =>
        new(500, "InternalError", $"Internal error occurred: {message}",
            new StatusDetails(Causes: [new StatusCause("UnexpectedServerResponse", message, null)]));

    public static ApiException ServiceUnavailable(string message) => new(503, "ServiceUnavailable", message);

    public static ApiException FromStatusCode(int code, string message) => code switch
    {
        429 => TooManyRequests(1),
        500 => Internal(message),
        503 => ServiceUnavailable(message),
        504 => new ApiException(504, "Timeout", message),
        _ => new ApiException(code, "Unknown", message),
    };
}

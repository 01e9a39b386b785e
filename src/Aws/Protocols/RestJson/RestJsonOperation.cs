namespace Skyforge.Aws.Protocols.RestJson;

/// <summary>
/// The HTTP binding of one restJson1 operation: method, URI template with <c>{label}</c> members, and the members
/// sent in the query string. Every other member goes in the JSON body.
/// </summary>
internal sealed record RestJsonOperation(string Name, HttpMethod Method, string UriTemplate, params string[] QueryMembers);

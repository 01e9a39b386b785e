using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Skyforge.TestKit.ApiServer.Errors;

namespace Skyforge.TestKit.ApiServer.Operations;

/// <summary>ObjectMeta validation worded like the API server (names, label keys and values, known fields).</summary>
internal static partial class MetadataRules
{
    public static readonly HashSet<string> KnownFields =
    [
        "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation", "creationTimestamp",
        "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations", "ownerReferences", "finalizers",
        "managedFields",
    ];

    private const string SubdomainHelp =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

    private const string LabelHelp =
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

    private const string LabelValueHelp =
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

    private const string QualifiedNameHelp =
        "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

    public static IEnumerable<FieldProblem> ValidateName(string name, bool dnsLabel)
    {
        if (name.Length == 0)
        {
            yield return new FieldProblem("metadata.name", "Required value: name or generateName is required");
            yield break;
        }
        if (dnsLabel)
        {
            if (name.Length > 63 || !DnsLabel().IsMatch(name))
            {
                yield return new FieldProblem("metadata.name", $"Invalid value: \"{name}\": {LabelHelp}");
            }
        }
        else if (name.Length > 253 || !DnsSubdomain().IsMatch(name))
        {
            yield return new FieldProblem("metadata.name", $"Invalid value: \"{name}\": {SubdomainHelp}");
        }
    }

    public static IEnumerable<FieldProblem> ValidateLabels(JsonObject metadata)
    {
        if (metadata["labels"] is not JsonObject labels)
        {
            yield break;
        }
        foreach (var (key, value) in labels)
        {
            var nameStart = key.LastIndexOf('/');
            var namePart = nameStart >= 0 ? key[(nameStart + 1)..] : key;
            var prefix = nameStart >= 0 ? key[..nameStart] : null;
            if (namePart.Length == 0 || namePart.Length > 63 || !QualifiedNamePart().IsMatch(namePart))
            {
                yield return new FieldProblem("metadata.labels", $"Invalid value: \"{key}\": {QualifiedNameHelp}");
            }
            else if (prefix is not null && (prefix.Length == 0 || prefix.Length > 253 || !DnsSubdomain().IsMatch(prefix)))
            {
                yield return new FieldProblem("metadata.labels", $"Invalid value: \"{key}\": prefix part {SubdomainHelp}");
            }
            var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            if (text is null)
            {
                yield return new FieldProblem($"metadata.labels.{key}", "Invalid value: label values must be strings");
            }
            else if (text.Length > 63 || (text.Length > 0 && !QualifiedNamePart().IsMatch(text)))
            {
                yield return new FieldProblem("metadata.labels", $"Invalid value: \"{text}\": {LabelValueHelp}");
            }
        }
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsSubdomain();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$")]
    private static partial Regex QualifiedNamePart();
}

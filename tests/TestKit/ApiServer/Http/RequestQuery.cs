using System.Globalization;
using Microsoft.AspNetCore.Http;
using Skyforge.TestKit.ApiServer.Errors;
using Skyforge.TestKit.ApiServer.Operations;

namespace Skyforge.TestKit.ApiServer.Http;

/// <summary>Typed access to the query parameters the API server understands.</summary>
internal sealed class RequestQuery
{
    private readonly IQueryCollection _query;

    public RequestQuery(IQueryCollection query)
    {
        _query = query;
    }

    public string? this[string name] => _query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    public bool IsTrue(string name) => this[name] is "true" or "1" or "True";

    public int Limit => ParseInt("limit") ?? 0;

    public int? ParseInt(string name)
    {
        var text = this[name];
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw ApiErrors.BadRequest($"invalid {name} value: \"{text}\"");
    }

    public bool DryRun => this["dryRun"] switch
    {
        null or "" => false,
        "All" => true,
        var other => throw ApiErrors.BadRequest($"Invalid dry run value: \"{other}\": supported values: \"All\""),
    };

    public FieldValidationMode FieldValidation => this["fieldValidation"]?.ToLowerInvariant() switch
    {
        null or "" or "warn" => FieldValidationMode.Warn,
        "strict" => FieldValidationMode.Strict,
        "ignore" => FieldValidationMode.Ignore,
        var other => throw ApiErrors.BadRequest($"fieldValidation: Unsupported value: \"{other}\": supported values: \"Ignore\", \"Strict\", \"Warn\""),
    };

    public WriteOptions WriteOptions(string userAgent) =>
        new(DryRun, this["fieldManager"], FieldValidation, IsTrue("force"), userAgent);
}

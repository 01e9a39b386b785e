using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;

namespace Skyforge.Bench.Stub;

/// <summary>Secrets Manager (JSON 1.1) as far as the master passwords and AUTH tokens need it: create, read, describe, update, tag.</summary>
internal sealed class SecretsManagerStub(string region) : IStubService
{
    private readonly ConcurrentDictionary<string, JsonObject> _byName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, JsonObject> _byArn = new(StringComparer.Ordinal);

    public string Service => "secretsmanager";

    public StubResponse? Handle(StubRequest request) => request.Operation switch
    {
        "CreateSecret" => Create(request.Body),
        "GetSecretValue" => WithSecret(request, secret => new JsonObject
        {
            ["ARN"] = secret["ARN"]?.DeepClone(),
            ["Name"] = secret["Name"]?.DeepClone(),
            ["VersionId"] = secret["VersionId"]?.DeepClone(),
            ["SecretString"] = secret["SecretString"]?.DeepClone(),
            ["VersionStages"] = new JsonArray("AWSCURRENT"),
            ["CreatedDate"] = secret["CreatedDate"]?.DeepClone(),
        }),
        "DescribeSecret" => WithSecret(request, secret => new JsonObject
        {
            ["ARN"] = secret["ARN"]?.DeepClone(),
            ["Name"] = secret["Name"]?.DeepClone(),
            ["Tags"] = secret["Tags"]?.DeepClone() ?? new JsonArray(),
            ["CreatedDate"] = secret["CreatedDate"]?.DeepClone(),
        }),
        "PutSecretValue" or "UpdateSecret" => WithSecret(request, secret => Update(secret, request.Body)),
        "TagResource" => WithSecret(request, secret => Tag(secret, request.Body)),
        _ => null,
    };

    private StubResponse Create(JsonObject body)
    {
        var name = body["Name"]?.GetValue<string>() ?? "";
        var arn = $"arn:aws:secretsmanager:{region}:{AwsStubServer.AccountId}:secret:{name}-{Guid.NewGuid().ToString("N")[..6]}";
        var secret = new JsonObject
        {
            ["ARN"] = arn,
            ["Name"] = name,
            ["VersionId"] = Guid.NewGuid().ToString(),
            ["SecretString"] = body["SecretString"]?.DeepClone(),
            ["Tags"] = body["Tags"]?.DeepClone() ?? new JsonArray(),
            ["CreatedDate"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        };
        if (!_byName.TryAdd(name, secret))
        {
            return StubResponse.JsonError(HttpStatusCode.BadRequest, "ResourceExistsException", $"The secret {name} already exists.");
        }
        _byArn[arn] = secret;
        return StubResponse.Json(new JsonObject { ["ARN"] = arn, ["Name"] = name, ["VersionId"] = secret["VersionId"]!.DeepClone() });
    }

    private StubResponse WithSecret(StubRequest request, Func<JsonObject, JsonObject> answer)
    {
        var id = request.Member("SecretId") ?? request.Member("ResourceId") ?? "";
        if ((_byName.GetValueOrDefault(id) ?? _byArn.GetValueOrDefault(id)) is not { } secret)
        {
            return StubResponse.JsonError(HttpStatusCode.BadRequest, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
        }
        lock (secret)
        {
            return StubResponse.Json(answer(secret));
        }
    }

    private static JsonObject Update(JsonObject secret, JsonObject body)
    {
        if (body["SecretString"] is { } value)
        {
            secret["SecretString"] = value.DeepClone();
            secret["VersionId"] = Guid.NewGuid().ToString();
        }
        return new JsonObject { ["ARN"] = secret["ARN"]?.DeepClone(), ["Name"] = secret["Name"]?.DeepClone(), ["VersionId"] = secret["VersionId"]?.DeepClone() };
    }

    private static JsonObject Tag(JsonObject secret, JsonObject body)
    {
        var tags = secret["Tags"] as JsonArray ?? [];
        foreach (var tag in body["Tags"] as JsonArray ?? [])
        {
            tags.Add(tag?.DeepClone());
        }
        secret["Tags"] = tags;
        return [];
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Skyforge.Aws;
using Skyforge.Aws.SecretsManager;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Operator.Builders;
using Skyforge.Operator.Builders.DataServices;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.Secrets;

namespace Skyforge.Operator.Providers.SecretsManager;

/// <summary>
/// ManagedSecret on AWS Secrets Manager. generate: CreateSecret with values from the CSPRNG, made once
/// and kept only in Secrets Manager and the target Secret; re-read on refreshInterval (or when the
/// current version changes); PutSecretValue when keys change or rotation is due; DeleteSecret with a
/// recovery window under deletionPolicy Delete. awsSecretsManager: GetSecretValue on refreshInterval,
/// never written or deleted.
/// </summary>
public sealed class ManagedSecretAwsClient : IExternalClient<ManagedSecret>
{
    private const string CurrentStage = "AWSCURRENT";
    private const string KeysDifference = "keys";
    private const string RotationDifference = "rotation";

    private readonly IAwsClientFactory _clients;
    private readonly DataServicesOptions _options;
    private readonly TimeProvider _time;

    public ManagedSecretAwsClient(IAwsClientFactory clients, DataServicesOptions options, TimeProvider time)
    {
        _clients = clients;
        _options = options;
        _time = time;
    }

    public async Task<ExternalObservation> ObserveAsync(ManagedResourceContext<ManagedSecret> context, CancellationToken cancellationToken)
    {
        var spec = context.Resource.Spec;
        return spec.Source.Generate is { } generate
            ? await ObserveGeneratedAsync(context, generate, cancellationToken)
            : await ObserveSyncedAsync(context, cancellationToken);
    }

    public async Task CreateAsync(ManagedResourceContext<ManagedSecret> context, CancellationToken cancellationToken)
    {
        if (context.Resource.Spec.Source.Generate is null)
        {
            throw SourceNotFound(context.Resource.Spec);
        }
        // A fresh CSPRNG source per create: the values exist only in this request, Secrets Manager and the target Secret.
        var desired = ManagedSecretBuilder.Build(context.Resource, context.Build, new RandomSecretSource());
        var request = Request<CreateSecretRequest>(desired, "CreateSecret");
        try
        {
            await Secrets(context).CreateSecretAsync(request, cancellationToken);
        }
        catch (AwsServiceException exists) when (exists.IsAlreadyExists)
        {
            // An earlier attempt got there first; the next observe checks its ownership tags.
        }
    }

    public async Task UpdateAsync(ManagedResourceContext<ManagedSecret> context, ExternalObservation observed, CancellationToken cancellationToken)
    {
        var spec = context.Resource.Spec;
        var generate = spec.Source.Generate ?? throw new InvalidOperationException("only generated secrets are updated");
        var name = EffectiveSecret.AwsSecretName(spec, context.Build, context.Identity);
        if (observed.Differences.Contains(TagChanges.Difference))
        {
            await SyncTagsAsync(context, name, cancellationToken);
        }
        if (!observed.Differences.Any(difference => difference is KeysDifference or RotationDifference))
        {
            return;
        }
        var current = await Secrets(context).GetSecretValueAsync(new GetSecretValueRequest { SecretId = name }, cancellationToken);
        var values = ValuesOf(current);
        var rotate = RotationDue(spec, current.CreatedDate);
        var alphabet = EffectiveSecret.AsciiSymbols(generate) ? RandomSecretSource.AsciiSymbols : RandomSecretSource.Alphanumeric;
        var document = new JsonObject();
        foreach (var key in EffectiveSecret.Keys(generate))
        {
            document[key] = !rotate && values.TryGetValue(key, out var kept)
                ? kept
                : RandomNumberGenerator.GetString(alphabet, EffectiveSecret.Length(generate));
        }
        await Secrets(context).PutSecretValueAsync(new PutSecretValueRequest { SecretId = name, SecretString = document.ToJsonString() }, cancellationToken);
    }

    public async Task<bool> DeleteAsync(ManagedResourceContext<ManagedSecret> context, ExternalObservation observed, CancellationToken cancellationToken)
    {
        var name = EffectiveSecret.AwsSecretName(context.Resource.Spec, context.Build, context.Identity);
        await SecretDeletion.ScheduleAsync(Secrets(context), name, _options.SecretRecoveryWindowDays, cancellationToken);
        return true;
    }

    private async Task<ExternalObservation> ObserveGeneratedAsync(ManagedResourceContext<ManagedSecret> context, GeneratedSecretSource generate, CancellationToken cancellationToken)
    {
        var resource = context.Resource;
        var spec = resource.Spec;
        var name = EffectiveSecret.AwsSecretName(spec, context.Build, context.Identity);
        DescribeSecretResponse described;
        try
        {
            described = await Secrets(context).DescribeSecretAsync(new DescribeSecretRequest { SecretId = name }, cancellationToken);
        }
        catch (AwsServiceException missing) when (missing.IsNotFound)
        {
            return ExternalObservation.Absent;
        }
        var owner = OwnershipTags.Classify((described.Tags ?? []).Select(tag => new KeyValuePair<string, string>(tag.Key, tag.Value ?? "")), context.Build.ClusterName, context.Identity);
        if (owner != TaggedOwner.ThisOwner)
        {
            return new ExternalObservation { Exists = true, Owner = owner };
        }
        var tagsDiffer = !TagChangesFor(context, described.Tags ?? []).IsEmpty;
        if (described.DeletedDate is not null)
        {
            if (resource.Metadata.DeletionTimestamp is not null)
            {
                return ExternalObservation.Absent;
            }
            throw new ExternalResourceException("PendingDeletion", $"Secrets Manager secret {name} is scheduled for deletion; restore it or set another awsSecretName");
        }

        var status = resource.Status;
        var currentVersion = described.VersionIdsToStages?.FirstOrDefault(version => version.Value.Contains(CurrentStage)).Key;
        var refreshAt = RefreshAt(spec, status);
        var now = _time.GetUtcNow();
        if (!context.FreshRead && currentVersion is not null && currentVersion == status?.VersionId && refreshAt is { } due && due > now)
        {
            var rotationAt = RotationAt(spec, Parse(status?.LastRotationTime));
            var rotationDue = rotationAt is { } rotation && rotation <= now;
            var pending = new List<string>();
            if (rotationDue)
            {
                pending.Add(RotationDifference);
            }
            if (tagsDiffer)
            {
                pending.Add(TagChanges.Difference);
            }
            return new ExternalObservation
            {
                Exists = true,
                UpToDate = pending.Count == 0,
                Differences = pending,
                NextCheck = Earliest(due, rotationAt) - now,
            };
        }

        var value = await Secrets(context).GetSecretValueAsync(new GetSecretValueRequest { SecretId = name }, cancellationToken);
        var values = ValuesOf(value);
        var keys = EffectiveSecret.Keys(generate);
        var differences = new List<string>();
        if (keys.Count != values.Count || keys.Any(key => !values.ContainsKey(key)))
        {
            differences.Add(KeysDifference);
        }
        if (RotationDue(spec, value.CreatedDate))
        {
            differences.Add(RotationDifference);
        }
        if (tagsDiffer)
        {
            differences.Add(TagChanges.Difference);
        }
        var publish = differences.Contains(KeysDifference)
            ? null
            : ManagedSecretBuilder.Build(resource, context.Build, new ObservedValues(values)).Objects;
        return new ExternalObservation
        {
            Exists = true,
            UpToDate = differences.Count == 0,
            Differences = differences,
            Publish = publish,
            StatusFields = StatusFields(spec, context, value, now),
            NextCheck = Earliest(now + EffectiveSecret.RefreshInterval(spec), RotationAt(spec, value.CreatedDate)) - now,
        };
    }

    private async Task<ExternalObservation> ObserveSyncedAsync(ManagedResourceContext<ManagedSecret> context, CancellationToken cancellationToken)
    {
        var resource = context.Resource;
        var spec = resource.Spec;
        var now = _time.GetUtcNow();
        if (!context.FreshRead && RefreshAt(spec, resource.Status) is { } due && due > now)
        {
            return new ExternalObservation { Exists = true, NextCheck = due - now };
        }
        var request = Request<GetSecretValueRequest>(ManagedSecretBuilder.Build(resource, context.Build, new ObservedValues(new Dictionary<string, string>())), "GetSecretValue");
        GetSecretValueResponse value;
        try
        {
            value = await Secrets(context).GetSecretValueAsync(request, cancellationToken);
        }
        catch (AwsServiceException missing) when (missing.IsNotFound)
        {
            throw SourceNotFound(spec);
        }
        var values = ValuesOf(value);
        return new ExternalObservation
        {
            Exists = true,
            Publish = ManagedSecretBuilder.Build(resource, context.Build, new ObservedValues(values), values).Objects,
            StatusFields = StatusFields(spec, context, value, now),
            NextCheck = EffectiveSecret.RefreshInterval(spec),
        };
    }

    private static JsonObject StatusFields(ManagedSecretSpec spec, ManagedResourceContext<ManagedSecret> context, GetSecretValueResponse value, DateTimeOffset now) => new()
    {
        ["arn"] = value.ARN,
        ["versionId"] = value.VersionId,
        ["lastRefreshTime"] = Format(now),
        ["lastRotationTime"] = spec.Source.Generate is not null && value.CreatedDate is { } created ? Format(created) : null,
        ["targetSecretName"] = EffectiveSecret.TargetSecretName(spec, context.Identity.Name),
    };

    private static IReadOnlyDictionary<string, string> ValuesOf(GetSecretValueResponse value)
    {
        if (value.SecretString is not { } text)
        {
            throw new ExternalResourceException("UnsupportedSecret", $"Secrets Manager secret {value.Name} holds binary data; only string secrets can be projected");
        }
        try
        {
            return SyncedSecretValues.Parse(text);
        }
        catch (ArgumentException invalid)
        {
            throw new ExternalResourceException("InvalidSecretKeys", invalid.Message);
        }
    }

    private bool RotationDue(ManagedSecretSpec spec, DateTimeOffset? versionCreated) =>
        RotationAt(spec, versionCreated) is { } due && due <= _time.GetUtcNow();

    private static DateTimeOffset? RotationAt(ManagedSecretSpec spec, DateTimeOffset? versionCreated) =>
        EffectiveSecret.RotationInterval(spec) is { } interval && versionCreated is { } created ? created + interval : null;

    private static DateTimeOffset? RefreshAt(ManagedSecretSpec spec, ManagedSecretStatus? status) =>
        Parse(status?.LastRefreshTime) is { } refreshed ? refreshed + EffectiveSecret.RefreshInterval(spec) : null;

    private static DateTimeOffset Earliest(DateTimeOffset first, DateTimeOffset? second) =>
        second is { } other && other < first ? other : first;

    private static DateTimeOffset? Parse(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value) ? value : null;

    private static string Format(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static ExternalResourceException SourceNotFound(ManagedSecretSpec spec) =>
        new("SourceNotFound", $"Secrets Manager secret {spec.Source.AwsSecretsManager?.SecretId} was not found");

    /// <summary>The Secrets Manager client of the secret's region (spec.region, else the operator's default).</summary>
    private static TagChanges TagChangesFor(ManagedResourceContext<ManagedSecret> context, IReadOnlyList<AwsTag> live) =>
        TagChanges.Between(OwnershipTags.For(context.Build.ClusterName, context.Identity, context.Resource.Spec.Tags), live);

    /// <summary>Sets the secret's missing or changed tags and removes those the spec no longer names.</summary>
    private async Task SyncTagsAsync(ManagedResourceContext<ManagedSecret> context, string name, CancellationToken cancellationToken)
    {
        var described = await Secrets(context).DescribeSecretAsync(new DescribeSecretRequest { SecretId = name }, cancellationToken);
        await TagChangesFor(context, described.Tags ?? []).ApplyAsync(
            set => Secrets(context).TagResourceAsync(new TagResourceRequest { SecretId = name, Tags = TagChanges.AsAwsTags(set) }, cancellationToken),
            remove => Secrets(context).UntagResourceAsync(new UntagResourceRequest { SecretId = name, TagKeys = remove }, cancellationToken));
    }

    private ISecretsManagerClient Secrets(ManagedResourceContext<ManagedSecret> context) =>
        _clients.ForRegion(EffectiveSecret.Region(context.Resource.Spec, context.Build)).SecretsManager;

    private static T Request<T>(DesiredState desired, string operation) =>
        desired.AwsCalls.Single(call => call.Operation == operation).Request<T>();

    /// <summary>Hands the builder the values read from Secrets Manager instead of generating new ones.</summary>
    private sealed class ObservedValues(IReadOnlyDictionary<string, string> values) : ISecretSource
    {
        public string Get(ResourceIdentity owner, string purpose, int length, bool asciiSymbols) =>
            values.TryGetValue(purpose[SecretPurposes.GeneratedKey("").Length..], out var value) ? value : "";
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Skyforge.Aws;
using Skyforge.Aws.Kafka;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Operator.Builders;
using Skyforge.Operator.Builders.DataServices;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.Secrets;

namespace Skyforge.Operator.Providers.Msk;

/// <summary>
/// A kafka MessageBus as an MSK cluster (provisioned or serverless). The cluster name from <see cref="AwsNames"/>
/// is the idempotency key: create looks it up before calling CreateClusterV2, so a crash between the call and
/// the next reconcile never makes a second cluster. Ownership comes from the cluster's tags. Once ACTIVE, the
/// connection Secret gets the bootstrap brokers of the authentication mode and the topics Job is applied.
/// Broker count, storage (grow only) and instance type follow the spec, one MSK operation at a time; spec.tags
/// are added to the cluster's tags.
/// </summary>
public sealed class MessageBusMskClient(IAwsClientFactory clients, MskClusterCache clusters) : IExternalClient<MessageBus>
{
    private const string Active = "ACTIVE";
    private const string Deleting = "DELETING";
    private const string Failed = "FAILED";

    private const string StorageField = "storageGiB";
    private const string BrokersField = "brokers";
    private const string InstanceTypeField = "instanceType";
    private const string TagsField = "tags";

    public async Task<ExternalObservation> ObserveAsync(ManagedResourceContext<MessageBus> context, CancellationToken cancellationToken)
    {
        var resource = context.Resource;
        var spec = resource.Spec;
        var cluster = await clusters.FindAsync(Region(context), ClusterName(context), context.FreshRead, cancellationToken);
        if (cluster?.ClusterArn is not { } arn)
        {
            return ExternalObservation.Absent;
        }
        var tags = await TagsAsync(context, cluster, arn, cancellationToken);
        var owner = OwnershipTags.Classify(tags, context.Build.ClusterName, context.Identity);
        if (owner != TaggedOwner.ThisOwner)
        {
            return new ExternalObservation { Exists = true, Owner = owner };
        }

        var state = cluster.State ?? "UNKNOWN";
        if (state == Failed && resource.Metadata.DeletionTimestamp is null)
        {
            throw new ExternalResourceException(ConditionReasons.AwsError, $"MSK reports cluster {cluster.ClusterName} FAILED: {cluster.StateInfo?.Message ?? cluster.StateInfo?.Code ?? "no reason given"}; delete the MessageBus (deletionPolicy Delete) to remove it and create it again");
        }
        var usable = state == Active;
        var differences = usable ? Differences(context, cluster, tags) : [];
        if (!context.FreshRead && (differences.Count > 0 || !usable))
        {
            // The drift listing may predate a change this operator just made: confirm with a fresh read before acting.
            return await ObserveAsync(context with { FreshRead = true }, cancellationToken);
        }

        var status = new JsonObject
        {
            ["arn"] = arn,
            ["externalName"] = cluster.ClusterName,
            ["engineVersion"] = cluster.Provisioned?.CurrentBrokerSoftwareInfo?.KafkaVersion ?? EffectiveBus.Version(spec),
            ["connectionSecretName"] = InClusterNames.ConnectionSecret(spec.ConnectionSecretName, context.Identity.Name),
        };
        IReadOnlyList<JsonObject>? publish = null;
        var recorded = resource.Status?.Endpoint;
        if (usable && resource.Metadata.DeletionTimestamp is null && (context.FreshRead || recorded is null))
        {
            var bootstrap = await BootstrapServersAsync(context, arn, EffectiveBus.Authentication(spec, context.Build), cancellationToken);
            status["endpoint"] = bootstrap;
            publish = MessageBusBuilder.Build(resource, context.Build, Passwords, new ConnectionEndpoints { BootstrapServers = bootstrap }).Objects;
        }
        else if (recorded is not null)
        {
            status["endpoint"] = recorded;
        }
        return new ExternalObservation
        {
            Exists = true,
            State = state,
            Transitioning = !usable,
            UpToDate = differences.Count == 0,
            Differences = differences,
            Publish = publish,
            StatusFields = status,
        };
    }

    public async Task CreateAsync(ManagedResourceContext<MessageBus> context, CancellationToken cancellationToken)
    {
        var call = MessageBusBuilder.Build(context.Resource, context.Build, Passwords).AwsCalls.Single(call => call.Operation == "CreateClusterV2");
        var request = call.Request<CreateClusterV2Request>();
        // A cluster made by an attempt that crashed before recording anything is found here, not created twice.
        if (await clusters.FindAsync(Region(context), request.ClusterName, fresh: true, cancellationToken) is not null)
        {
            return;
        }
        try
        {
            await Kafka(context).CreateClusterV2Async(request, cancellationToken);
        }
        catch (AwsServiceException exists) when (exists.IsAlreadyExists)
        {
            // Created by a concurrent attempt; the next observation takes it from here.
        }
    }

    public async Task UpdateAsync(ManagedResourceContext<MessageBus> context, ExternalObservation observed, CancellationToken cancellationToken)
    {
        var cluster = await clusters.FindAsync(Region(context), ClusterName(context), fresh: true, cancellationToken);
        if (cluster is not { State: Active, ClusterArn: { } arn, CurrentVersion: { } version })
        {
            return;
        }
        var spec = context.Resource.Spec;
        var tags = await TagsAsync(context, cluster, arn, cancellationToken);
        var differences = Differences(context, cluster, tags);
        if (differences.Remove(TagsField))
        {
            // Tagging starts no cluster operation, so it goes along with whatever else differs.
            await TagChangesFor(context, tags).ApplyAsync(
                set => Kafka(context).TagResourceAsync(new TagResourceRequest { ResourceArn = arn, Tags = set.ToDictionary(StringComparer.Ordinal) }, cancellationToken),
                remove => Kafka(context).UntagResourceAsync(new UntagResourceRequest { ResourceArn = arn, TagKeys = remove }, cancellationToken));
        }
        // MSK runs one operation per cluster at a time: start the first difference; the next reconcile, once ACTIVE again, starts the next.
        switch (differences.FirstOrDefault())
        {
            case StorageField:
                await Kafka(context).UpdateBrokerStorageAsync(new UpdateBrokerStorageRequest
                {
                    ClusterArn = arn,
                    CurrentVersion = version,
                    TargetBrokerEBSVolumeInfo = [new BrokerEbsVolumeInfo { KafkaBrokerNodeId = "All", VolumeSizeGB = EffectiveBus.StorageGiB(spec) }],
                }, cancellationToken);
                break;
            case BrokersField:
                await Kafka(context).UpdateBrokerCountAsync(new UpdateBrokerCountRequest { ClusterArn = arn, CurrentVersion = version, TargetNumberOfBrokerNodes = EffectiveBus.Brokers(spec) }, cancellationToken);
                break;
            case InstanceTypeField:
                await Kafka(context).UpdateBrokerTypeAsync(new UpdateBrokerTypeRequest { ClusterArn = arn, CurrentVersion = version, TargetInstanceType = EffectiveBus.InstanceType(spec) }, cancellationToken);
                break;
        }
    }

    /// <summary>deletionPolicy Delete only: Retain and Snapshot (MSK has no snapshots) keep the cluster and never reach here.</summary>
    public async Task<bool> DeleteAsync(ManagedResourceContext<MessageBus> context, ExternalObservation observed, CancellationToken cancellationToken)
    {
        var cluster = await clusters.FindAsync(Region(context), ClusterName(context), fresh: true, cancellationToken);
        if (cluster?.ClusterArn is not { } arn)
        {
            return true;
        }
        if (cluster.State != Deleting)
        {
            try
            {
                await Kafka(context).DeleteClusterAsync(new DeleteClusterRequest { ClusterArn = arn, CurrentVersion = cluster.CurrentVersion }, cancellationToken);
            }
            catch (AwsServiceException gone) when (gone.IsNotFound)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Mutable settings that differ (spec field names): tags missing, changed or no longer named by the spec and, on a
    /// provisioned cluster, brokers, instance type and storage, which only grows, as MSK allows.
    /// </summary>
    private static List<string> Differences(ManagedResourceContext<MessageBus> context, Cluster cluster, IReadOnlyDictionary<string, string> tags)
    {
        var spec = context.Resource.Spec;
        var differences = new List<string>();
        if (!TagChangesFor(context, tags).IsEmpty)
        {
            differences.Add(TagsField);
        }
        if (cluster.Provisioned is not { } provisioned)
        {
            return differences;
        }
        if (provisioned.BrokerNodeGroupInfo?.StorageInfo?.EbsStorageInfo?.VolumeSize is { } size && EffectiveBus.StorageGiB(spec) > size)
        {
            differences.Add(StorageField);
        }
        if (provisioned.NumberOfBrokerNodes is { } brokers && brokers != EffectiveBus.Brokers(spec))
        {
            differences.Add(BrokersField);
        }
        if (provisioned.BrokerNodeGroupInfo?.InstanceType is { } instanceType && instanceType != EffectiveBus.InstanceType(spec))
        {
            differences.Add(InstanceTypeField);
        }
        return differences;
    }

    /// <summary>The brokers' addresses for the listener the authentication mode uses.</summary>
    private async Task<string> BootstrapServersAsync(ManagedResourceContext<MessageBus> context, string arn, BusAuthentication authentication, CancellationToken cancellationToken)
    {
        var brokers = await Kafka(context).GetBootstrapBrokersAsync(new GetBootstrapBrokersRequest { ClusterArn = arn }, cancellationToken);
        var servers = authentication switch
        {
            BusAuthentication.Scram => brokers.BootstrapBrokerStringSaslScram,
            BusAuthentication.Tls => brokers.BootstrapBrokerStringTls,
            _ => brokers.BootstrapBrokerStringSaslIam,
        };
        return servers is { Length: > 0 }
            ? servers
            : throw new ExternalResourceException("BootstrapBrokersMissing", $"MSK reports no {WireName.Of(authentication)} bootstrap brokers for {arn}");
    }

    /// <summary>The cluster's tags: listings and describes carry them; ListTagsForResource only when they do not.</summary>
    private async Task<IReadOnlyDictionary<string, string>> TagsAsync(ManagedResourceContext<MessageBus> context, Cluster cluster, string arn, CancellationToken cancellationToken) =>
        cluster.Tags ?? (await Kafka(context).ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = arn }, cancellationToken)).Tags ?? new Dictionary<string, string>();

    private static TagChanges TagChangesFor(ManagedResourceContext<MessageBus> context, IReadOnlyDictionary<string, string> tags) =>
        TagChanges.Between(
            OwnershipTags.For(context.Build.ClusterName, context.Identity, context.Resource.Spec.Tags),
            tags.Select(tag => new KeyValuePair<string, string?>(tag.Key, tag.Value)));

    private static string Region(ManagedResourceContext<MessageBus> context) => EffectiveBus.Region(context.Resource.Spec, context.Build);

    /// <summary>The MSK client of the bus's region.</summary>
    private IKafkaClient Kafka(ManagedResourceContext<MessageBus> context) => clients.ForRegion(Region(context)).Kafka;

    private static string ClusterName(ManagedResourceContext<MessageBus> context) =>
        AwsNames.KafkaClusterName(context.Build.ClusterName, context.Identity);

    /// <summary>The builder asks for a generated password only for rabbitmq; a kafka bus on MSK authenticates with IAM, SCRAM or TLS.</summary>
    private static ISecretSource Passwords { get; } = new RandomSecretSource();
}

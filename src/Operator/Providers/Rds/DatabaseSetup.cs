using System.Text.Json;
using System.Text.Json.Nodes;
using Skyforge.Aws;
using Skyforge.Aws.Rds;
using Skyforge.Aws.SecretsManager;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Operator.Builders;
using Skyforge.Operator.Builders.DataServices;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.Providers.SecretsManager;
using Skyforge.Operator.Secrets;

namespace Skyforge.Operator.Providers.Rds;

/// <summary>
/// What RDS instances and Aurora clusters share: the clients of the database's region, the builder's desired state, the master password in a
/// Secrets Manager secret the operator owns (generated once, read back on every later create so a retry
/// after a crash uses the same password), the builder's create calls, and removing the subnet group,
/// parameter groups and secret once the database is gone.
/// </summary>
/// <remarks>
/// The operator generates the password rather than letting RDS manage it in Secrets Manager: RDS-managed
/// credentials rotate on RDS's schedule and would leave the connection Secret stale between syncs.
/// </remarks>
public sealed class DatabaseSetup(IAwsClientFactory clients, DataServicesOptions options)
{
    private readonly GeneratedCredential _credential = new(clients);

    /// <summary>The region the database lives in (spec.region, else the operator's default).</summary>
    public static string Region(ManagedResourceContext<ManagedDatabase> context) => EffectiveDatabase.Region(context.Resource.Spec, context.Build);

    /// <summary>The RDS client of the database's region.</summary>
    public IRdsClient Rds(ManagedResourceContext<ManagedDatabase> context) => clients.ForRegion(Region(context)).Rds;

    /// <summary>The tags of an instance or cluster: those its description carries, else read with ListTagsForResource.</summary>
    public async Task<IReadOnlyList<AwsTag>> TagsAsync(ManagedResourceContext<ManagedDatabase> context, string arn, IReadOnlyList<AwsTag>? described, CancellationToken cancellationToken) =>
        described ?? (await Rds(context).ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceName = arn }, cancellationToken)).TagList ?? [];

    /// <summary>How the tags of the instance or cluster must change to match the ownership tags and <c>spec.tags</c>.</summary>
    public static TagChanges TagChangesFor(ManagedResourceContext<ManagedDatabase> context, IReadOnlyList<AwsTag> live) =>
        TagChanges.Between(OwnershipTags.For(context.Build.ClusterName, context.Identity, context.Resource.Spec.Tags), live);

    /// <summary>Sets the missing or changed tags of an RDS resource and removes those the spec no longer names.</summary>
    public Task ApplyTagChangesAsync(ManagedResourceContext<ManagedDatabase> context, string arn, TagChanges changes, CancellationToken cancellationToken) =>
        changes.ApplyAsync(
            set => Rds(context).AddTagsToResourceAsync(new AddTagsToResourceRequest { ResourceName = arn, Tags = TagChanges.AsAwsTags(set) }, cancellationToken),
            remove => Rds(context).RemoveTagsFromResourceAsync(new RemoveTagsFromResourceRequest { ResourceName = arn, TagKeys = remove }, cancellationToken));

    public DesiredState Build(ManagedResourceContext<ManagedDatabase> context, string password, ConnectionEndpoints endpoints) =>
        ManagedDatabaseBuilder.Build(context.Resource, context.Build, new FixedPassword(password), endpoints, options.MonitoringRoleArn);

    /// <summary>The master password, generating and storing it first when the secret does not exist yet.</summary>
    public Task<string> EnsureMasterPasswordAsync(ManagedResourceContext<ManagedDatabase> context, CancellationToken cancellationToken) =>
        _credential.EnsureAsync(Region(context), MasterSecretName(context), () =>
        {
            var generated = new RandomSecretSource();
            var create = ManagedDatabaseBuilder.Build(context.Resource, context.Build, generated, ConnectionEndpoints.None, options.MonitoringRoleArn)
                .AwsCalls.Single(call => call.Operation == "CreateSecret");
            return (create, generated.Get(context.Identity, SecretPurposes.MasterPassword, SecretPurposes.GeneratedLength, asciiSymbols: false));
        }, "MasterSecretMissing", cancellationToken);

    /// <summary>The master secret's ARN and password, or null when it does not exist.</summary>
    public Task<(string? Arn, string Password)?> ReadMasterSecretAsync(ManagedResourceContext<ManagedDatabase> context, CancellationToken cancellationToken) =>
        _credential.ReadAsync(Region(context), MasterSecretName(context), cancellationToken);

    /// <summary>Runs the builder's RDS calls that <paramref name="include"/> selects, in order; "already exists" means an earlier attempt made it.</summary>
    public Task CreateAsync(ManagedResourceContext<ManagedDatabase> context, DesiredState desired, Func<AwsCall, bool> include, CancellationToken cancellationToken)
    {
        var rds = Rds(context);
        return AwsCallSteps.CreateAllAsync(desired.AwsCalls.Where(call => call.Service == "rds" && include(call)), (call, token) => InvokeAsync(rds, call, token), cancellationToken);
    }

    /// <summary>Once the database is gone: its subnet group, parameter group and (under Delete) master secret.</summary>
    public Task RemoveLeftoversAsync(ManagedResourceContext<ManagedDatabase> context, CancellationToken cancellationToken)
    {
        var policy = context.Resource.Spec.DeletionPolicy ?? DeletionPolicy.Snapshot;
        var region = clients.ForRegion(Region(context));
        return AwsCallSteps.UndoAllAsync(Build(context, "", ConnectionEndpoints.None).AwsCalls, (call, token) => call.Operation switch
        {
            "CreateDBSubnetGroup" => region.Rds.DeleteDBSubnetGroupAsync(new DeleteDBSubnetGroupRequest { DBSubnetGroupName = call.Member("DBSubnetGroupName") }, token),
            "CreateDBParameterGroup" => region.Rds.DeleteDBParameterGroupAsync(new DeleteDBParameterGroupRequest { DBParameterGroupName = call.Member("DBParameterGroupName") }, token),
            "CreateDBClusterParameterGroup" => region.Rds.DeleteDBClusterParameterGroupAsync(new DeleteDBClusterParameterGroupRequest { DBClusterParameterGroupName = call.Member("DBClusterParameterGroupName") }, token),
            // Under Snapshot the secret stays: it holds the password of the final snapshot.
            "CreateSecret" when policy == DeletionPolicy.Delete => SecretDeletion.ScheduleAsync(region.SecretsManager, call.Member("Name"), options.SecretRecoveryWindowDays, token),
            _ => null,
        }, cancellationToken);
    }

    private string MasterSecretName(ManagedResourceContext<ManagedDatabase> context) =>
        Build(context, "", ConnectionEndpoints.None).AwsCalls.Single(call => call.Operation == "CreateSecret").Member("Name");

    private static Task InvokeAsync(IRdsClient rds, AwsCall call, CancellationToken cancellationToken) => call.Operation switch
    {
        "CreateDBSubnetGroup" => rds.CreateDBSubnetGroupAsync(call.Request<CreateDBSubnetGroupRequest>(), cancellationToken),
        "CreateDBParameterGroup" => rds.CreateDBParameterGroupAsync(call.Request<CreateDBParameterGroupRequest>(), cancellationToken),
        "ModifyDBParameterGroup" => rds.ModifyDBParameterGroupAsync(call.Request<ModifyDBParameterGroupRequest>(), cancellationToken),
        "CreateDBClusterParameterGroup" => rds.CreateDBClusterParameterGroupAsync(call.Request<CreateDBClusterParameterGroupRequest>(), cancellationToken),
        "ModifyDBClusterParameterGroup" => rds.ModifyDBClusterParameterGroupAsync(call.Request<ModifyDBClusterParameterGroupRequest>(), cancellationToken),
        "CreateDBCluster" => rds.CreateDBClusterAsync(call.Request<CreateDBClusterRequest>(), cancellationToken),
        "CreateDBInstance" => rds.CreateDBInstanceAsync(call.Request<CreateDBInstanceRequest>(), cancellationToken),
        _ => throw new InvalidOperationException($"RDS {call.Operation} is not a create step"),
    };

    /// <summary>Gives the builder the password kept in Secrets Manager.</summary>
    private sealed class FixedPassword(string password) : ISecretSource
    {
        public string Get(ResourceIdentity owner, string purpose, int length, bool asciiSymbols) => password;
    }
}

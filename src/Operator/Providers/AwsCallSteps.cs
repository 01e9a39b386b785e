using System.Text.Json;
using Skyforge.Aws;
using Skyforge.Operator.Builders;
using Skyforge.Operator.Builders.DataServices;
using Skyforge.Operator.Controllers;

namespace Skyforge.Operator.Providers;

/// <summary>
/// How providers carry out the builders' AwsCalls: as the AWS client's typed request, creates made
/// idempotent by the deterministic names, clean-ups that accept what is already gone.
/// </summary>
internal static class AwsCallSteps
{
    public static T Request<T>(this AwsCall call) =>
        call.Parameters.Deserialize<T>(AwsJson.Options) ?? throw new InvalidOperationException($"the builder's {call.Operation} parameters did not deserialize");

    /// <summary>A string parameter of the call, e.g. the name a create gave a subnet group.</summary>
    public static string Member(this AwsCall call, string member) => call.Parameters[member]!.GetValue<string>();

    /// <summary>Sends each call in order; "already exists" means an earlier attempt made it (observe checks its tags).</summary>
    public static async Task CreateAllAsync(IEnumerable<AwsCall> calls, Func<AwsCall, CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        foreach (var call in calls)
        {
            try
            {
                await send(call, cancellationToken);
            }
            catch (AwsServiceException exists) when (exists.IsAlreadyExists)
            {
            }
        }
    }

    /// <summary>Undoes each create the <paramref name="undo"/> step knows (null: nothing to undo); "not found" means never created or already removed.</summary>
    public static async Task UndoAllAsync(IEnumerable<AwsCall> calls, Func<AwsCall, CancellationToken, Task?> undo, CancellationToken cancellationToken)
    {
        foreach (var call in calls)
        {
            try
            {
                if (undo(call, cancellationToken) is { } step)
                {
                    await step;
                }
            }
            catch (AwsServiceException gone) when (gone.IsNotFound)
            {
            }
        }
    }

    /// <summary>Who the ownership tags of an AWS resource name, relative to the resource being reconciled.</summary>
    public static TaggedOwner OwnerOf<TResource>(this ManagedResourceContext<TResource> context, IEnumerable<AwsTag> tags)
        where TResource : class =>
        OwnershipTags.Classify(tags.Select(tag => new KeyValuePair<string, string>(tag.Key, tag.Value ?? "")), context.Build.ClusterName, context.Identity);
}

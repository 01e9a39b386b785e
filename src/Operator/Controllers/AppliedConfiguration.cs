using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Skyforge.Operator.Controllers;

/// <summary>
/// Decides whether an object needs a server-side apply, so that an idle application costs no writes.
/// Every applied object carries a hash of the configuration it was applied with: a different hash means the
/// desired state changed (including fields that were dropped, which a field comparison cannot see); a live
/// object that no longer contains every desired field means someone changed it (drift).
/// </summary>
public static class AppliedConfiguration
{
    public const string HashAnnotation = "skyforge.dev/applied-hash";

    /// <summary>A copy of <paramref name="desired"/> carrying its configuration hash.</summary>
    public static JsonObject Stamp(JsonObject desired)
    {
        var stamped = desired.DeepClone().AsObject();
        var metadata = stamped["metadata"]!.AsObject();
        var annotations = metadata["annotations"] as JsonObject;
        annotations?.Remove(HashAnnotation);
        var hash = Hash(stamped);
        if (annotations is null)
        {
            annotations = [];
            metadata["annotations"] = annotations;
        }
        annotations[HashAnnotation] = hash;
        return stamped;
    }

    /// <summary>Whether the stamped desired object must be applied over <paramref name="live"/>.</summary>
    public static bool NeedsApply(JsonObject stamped, JsonObject? live)
    {
        if (live is null)
        {
            return true;
        }
        var hash = stamped["metadata"]?["annotations"]?[HashAnnotation]?.GetValue<string>();
        var liveHash = live["metadata"]?["annotations"]?[HashAnnotation]?.GetValue<string>();
        return hash != liveHash || !JsonSubset.Contains(live, stamped);
    }

    public static string Hash(JsonNode node) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(node.ToJsonString())))[..16];
}

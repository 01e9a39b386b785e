using Skyforge.Aws;
using Skyforge.Operator.Builders.DataServices;

namespace Skyforge.Operator.Providers.ElastiCache;

/// <summary>Who a cache's ownership tags name, and its tags when this look read them (null when ownership was already known).</summary>
public sealed record CacheOwnership(TaggedOwner Owner, IReadOnlyList<AwsTag>? Tags);

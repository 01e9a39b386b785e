namespace Skyforge.Aws.ElastiCache;

public sealed record DeleteServerlessCacheRequest
{
    public required string ServerlessCacheName { get; init; }

    public string? FinalSnapshotName { get; init; }
}

public sealed record DeleteServerlessCacheResponse
{
    public ServerlessCache? ServerlessCache { get; init; }
}

namespace Skyforge.Aws.Sts;

public sealed record GetCallerIdentityRequest;

public sealed record GetCallerIdentityResponse
{
    public string? UserId { get; init; }

    public string? Account { get; init; }

    public string? Arn { get; init; }
}

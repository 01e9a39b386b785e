namespace Skyforge.Aws.Sts;

/// <summary>AWS STS operations Skyforge uses (query protocol, 2011-06-15).</summary>
public interface IStsClient
{
    /// <summary>Who the credentials belong to: account id for ARNs and the start-up credential check.</summary>
    Task<GetCallerIdentityResponse> GetCallerIdentityAsync(GetCallerIdentityRequest request, CancellationToken cancellationToken);
}

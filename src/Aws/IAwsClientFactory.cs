namespace Skyforge.Aws;

/// <summary>The AWS service clients of any region, for resources that name a region of their own.</summary>
public interface IAwsClientFactory
{
    /// <summary>The clients of <paramref name="region"/>, made once and reused.</summary>
    AwsRegionClients ForRegion(string region);
}

using Microsoft.Extensions.Logging;
using Skyforge.Runtime.LeaderElection;

namespace Skyforge.Operator.Hosting.Settings;

/// <summary>Everything <c>skyforge run</c> was configured with, after flags, environment and defaults.</summary>
public sealed record RunSettings
{
    public string? KubeConfigPath { get; init; }

    public string? Context { get; init; }

    /// <summary>Names this replica in events and in its leader-election identity: <c>POD_NAME</c>, else the host name.</summary>
    public string InstanceName { get; init; } = Environment.MachineName;

    /// <summary>Null without <c>--leader-elect</c>: this replica runs the controllers alone.</summary>
    public LeaderElectionOptions? LeaderElection { get; init; }

    public ListenAddress MetricsAddress { get; init; } = new(null, 8080);

    public ListenAddress HealthAddress { get; init; } = new(null, 8081);

    /// <summary>Only the explicit setting; the AWS layer reads <c>AWS_ENDPOINT_URL</c> and its per-service siblings itself.</summary>
    public string? AwsEndpointUrl { get; init; }

    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    /// <summary>The client-side limits on the operator's own API traffic (<c>--kube-api-*</c>, <c>--aws-api-*</c>).</summary>
    public ApiRateLimits RateLimits { get; init; } = new();

    public OperatorOptions Operator { get; init; } = new();
}

namespace Skyforge.Operator.Hosting.Endpoints;

/// <summary>Set on each connection by its listener, so a request knows whether it came to the metrics or the health port.</summary>
internal sealed record ListenerRoleFeature(ListenerRole Role);

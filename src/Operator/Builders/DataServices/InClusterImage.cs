namespace Skyforge.Operator.Builders.DataServices;

/// <summary>A container image and the non-root user and group its processes run as.</summary>
public sealed record InClusterImage(string Reference, long UserId, long GroupId);

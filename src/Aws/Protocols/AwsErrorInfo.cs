namespace Skyforge.Aws.Protocols;

/// <summary>The error a service answered with, as a protocol's error parser reads it.</summary>
internal readonly record struct AwsErrorInfo(string Code, string? Message, string? RequestId);

namespace Skyforge.Aws;

/// <summary>
/// Marks a request member whose value is a secret (passwords, secret strings, AUTH tokens). Its value is scrubbed
/// from any text the client surfaces, such as the service's own error message.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AwsSensitiveAttribute : Attribute;

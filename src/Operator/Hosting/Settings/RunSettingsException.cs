namespace Skyforge.Operator.Hosting.Settings;

/// <summary>A flag or environment variable of <c>skyforge run</c> is unknown or has an invalid value; the message names it.</summary>
public sealed class RunSettingsException(string message) : Exception(message);

namespace Skyforge.Runtime.Controllers;

/// <summary>One unit of work: the key of the primary object, and how often it has failed in a row.</summary>
public sealed record ReconcileRequest(ObjectKey Key, int PreviousFailures);

namespace Skyforge.Bench;

/// <summary>What answers the operator's AWS calls behind the fault proxy.</summary>
internal enum AwsBackendKind
{
    /// <summary>moto with Skyforge's extension: real wire protocols and state, slow beyond a few hundred resources.</summary>
    Moto,

    /// <summary>The harness's in-process counting stub: every resource is available at once; no AWS behaviour beyond that.</summary>
    Stub,
}

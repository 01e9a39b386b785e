namespace Skyforge.Crds.Schema.Cel;

/// <summary>A CEL <c>google.protobuf.Duration</c> with nanosecond precision.</summary>
internal readonly record struct CelDuration(long Nanoseconds);

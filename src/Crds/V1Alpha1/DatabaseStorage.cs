using Skyforge.Crds.Generation;

namespace Skyforge.Crds.V1Alpha1;

/// <summary>Instance storage (RDS engines only; Aurora storage grows by itself).</summary>
[CelRule("!has(self.maxSizeGiB) || self.maxSizeGiB >= self.sizeGiB", "maxSizeGiB must be >= sizeGiB", FieldPath = ".maxSizeGiB")]
[CelRule("!has(self.iops) || self.type != 'gp2'", "iops cannot be set for gp2 storage", FieldPath = ".iops")]
public sealed record DatabaseStorage
{
    /// <summary>Allocated storage in GiB.</summary>
    [Default("20"), Minimum(20), Maximum(65536)]
    public int? SizeGiB { get; init; }

    /// <summary>Volume type.</summary>
    [Default("\"gp3\"")]
    public StorageType? Type { get; init; }

    /// <summary>Upper limit for storage autoscaling in GiB; unset disables autoscaling.</summary>
    [Minimum(21), Maximum(65536)]
    public int? MaxSizeGiB { get; init; }

    /// <summary>Provisioned IOPS (io1, io2, or gp3 above its baseline).</summary>
    [Minimum(1000), Maximum(256000)]
    public int? Iops { get; init; }
}

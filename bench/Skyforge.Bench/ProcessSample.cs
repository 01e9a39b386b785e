namespace Skyforge.Bench;

/// <summary>A process's CPU time so far, its resident set now, and the highest resident set it has had (VmHWM).</summary>
internal sealed record ProcessSample(TimeSpan Cpu, long Rss, long PeakRss);

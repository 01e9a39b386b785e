namespace Skyforge.Crds.V1Alpha1;

/// <summary>RE2 patterns shared by several fields.</summary>
public static class Patterns
{
    /// <summary>A Kubernetes resource quantity (e.g. 250m, 1.5, 512Mi, 2G).</summary>
    public const string Quantity = "^[+]?[0-9]+(\\.[0-9]+)?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$";

    /// <summary>A DNS-1123 label: what Kubernetes accepts as a Service or container name.</summary>
    public const string DnsLabel = "^[a-z]([-a-z0-9]*[a-z0-9])?$";

    /// <summary>A DNS-1123 subdomain: what Kubernetes accepts as a Secret name.</summary>
    public const string DnsSubdomain = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

    /// <summary>An AWS region code such as eu-west-1 or us-gov-west-1.</summary>
    public const string AwsRegion = "^[a-z]{2}(-[a-z]+)+-[0-9]$";

    /// <summary>A daily UTC window, hh:mm-hh:mm.</summary>
    public const string DailyWindow = "^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]$";

    /// <summary>A weekly UTC window, ddd:hh:mm-ddd:hh:mm.</summary>
    public const string WeeklyWindow = "^(mon|tue|wed|thu|fri|sat|sun):([01][0-9]|2[0-3]):[0-5][0-9]-(mon|tue|wed|thu|fri|sat|sun):([01][0-9]|2[0-3]):[0-5][0-9]$";

    /// <summary>A Go-style duration such as 30s, 15m, 1h or 1h30m.</summary>
    public const string Duration = "^([0-9]+(s|m|h))+$";

    /// <summary>An AWS ARN.</summary>
    public const string Arn = "^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:[0-9]{0,12}:.+$";
}

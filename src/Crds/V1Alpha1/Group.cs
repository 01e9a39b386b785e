namespace Skyforge.Crds.V1Alpha1;

/// <summary>The API group and version every Skyforge kind is served under.</summary>
public static class Group
{
    public const string Name = "platform.skyforge.dev";
    public const string Version = "v1alpha1";
    public const string ApiVersion = Name + "/" + Version;
    public const string Category = "skyforge";
}

namespace Skyforge.Operator.Controllers;

/// <summary>The condition types and stable reasons data-service resources report.</summary>
public static class ConditionReasons
{
    public const string Ready = "Ready";
    public const string Synced = "Synced";
    public const string DeletionBlocked = "DeletionBlocked";

    public const string Available = "Available";
    public const string Creating = "Creating";
    public const string Updating = "Updating";
    public const string Deleting = "Deleting";
    public const string ReconcileSuccess = "ReconcileSuccess";
    public const string InvalidSpec = "InvalidSpec";
    public const string OwnershipConflict = "OwnershipConflict";
    public const string Throttled = "Throttled";
    public const string AwsUnavailable = "AwsUnavailable";
    public const string AwsError = "AwsError";
    public const string DeletionProtected = "DeletionProtected";
}

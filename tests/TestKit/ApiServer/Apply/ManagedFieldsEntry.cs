namespace Skyforge.TestKit.ApiServer.Apply;

/// <summary>One <c>metadata.managedFields</c> entry: what a manager owns through one operation.</summary>
internal sealed class ManagedFieldsEntry
{
    public required string Manager { get; init; }

    /// <summary>"Apply" or "Update".</summary>
    public required string Operation { get; init; }

    public required string ApiVersion { get; set; }

    public required string Time { get; set; }

    public string? Subresource { get; init; }

    public required FieldSet Fields { get; set; }

    public bool IsSameOwner(string manager, string operation, string? subresource) =>
        Manager == manager && Operation == operation && Subresource == subresource;

    public string DescribeOwner() =>
        Subresource is null
            ? $"\"{Manager}\" using {ApiVersion}"
            : $"\"{Manager}\" with subresource \"{Subresource}\" using {ApiVersion}";
}

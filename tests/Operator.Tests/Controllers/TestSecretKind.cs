using System.Text.Json;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Kubernetes;
using Skyforge.Operator.Builders;
using Skyforge.Operator.Controllers;

namespace Skyforge.Operator.Tests.Controllers;

/// <summary>The real ManagedSecret kind, with deletion protection a test can switch on.</summary>
internal sealed class TestSecretKind : ManagedKind<ManagedSecret>
{
    private readonly ManagedSecretKind _real = new();

    public string? BlockDeletion { get; set; }

    public override ResourceType Type => _real.Type;

    public override ManagedSecret Read(JsonElement raw) => _real.Read(raw);

    public override ResourceIdentity Identity(ManagedSecret resource) => _real.Identity(resource);

    public override IReadOnlyDictionary<string, string> ImmutableFields(ManagedSecret resource, BuildContext build) => _real.ImmutableFields(resource, build);

    public override bool Retains(ManagedSecret resource) => _real.Retains(resource);

    public override string? DeletionBlocked(ManagedSecret resource) => BlockDeletion;
}

namespace Skyforge.Operator.IntegrationTests.Aws;

/// <summary>The AWS integration tests share one moto process and fault proxy and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class MotoCollection : ICollectionFixture<MotoFixture>
{
    public const string Name = "moto";
}

namespace Skyforge.Bench.Stub;

/// <summary>One AWS service of the stub.</summary>
internal interface IStubService
{
    /// <summary>The signing name in the credential scope, e.g. <c>rds</c>.</summary>
    string Service { get; }

    /// <summary>The answer, or null when the stub does not implement the operation.</summary>
    StubResponse? Handle(StubRequest request);
}

using Skyforge.Kubernetes.Configuration;
using Skyforge.Operator.Tests.Runtime;

namespace Skyforge.Operator.Tests.Kubernetes;

public sealed class TokenFileCredentialProviderTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ManualTimeProvider _time = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_rotated_token_is_picked_up_after_the_refresh_interval()
    {
        var path = _dir.Write("token", "first");
        var provider = new TokenFileCredentialProvider(path, _time, TimeSpan.FromMinutes(1));

        var before = await provider.GetCredentialAsync(CancellationToken.None);
        File.WriteAllText(path, "second\n");
        var cached = await provider.GetCredentialAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));
        var rotated = await provider.GetCredentialAsync(CancellationToken.None);

        Assert.Equal("first", before.BearerToken);
        Assert.Equal("first", cached.BearerToken);
        Assert.Equal("second", rotated.BearerToken);
    }

    [Fact]
    public async Task Invalidation_rereads_the_file_at_once()
    {
        var path = _dir.Write("token", "first");
        var provider = new TokenFileCredentialProvider(path, _time);
        await provider.GetCredentialAsync(CancellationToken.None);
        File.WriteAllText(path, "second");

        Assert.True(provider.Invalidate());

        Assert.Equal("second", (await provider.GetCredentialAsync(CancellationToken.None)).BearerToken);
    }

    [Fact]
    public async Task An_empty_or_missing_file_is_a_configuration_error()
    {
        var empty = new TokenFileCredentialProvider(_dir.Write("empty", "  \n"), _time);
        var missing = new TokenFileCredentialProvider(Path.Combine(_dir.Path, "missing"), _time);

        await Assert.ThrowsAsync<KubeConfigException>(() => empty.GetCredentialAsync(CancellationToken.None).AsTask());
        await Assert.ThrowsAsync<KubeConfigException>(() => missing.GetCredentialAsync(CancellationToken.None).AsTask());
    }
}

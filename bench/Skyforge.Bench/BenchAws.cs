using Skyforge.Bench.Stub;
using Skyforge.TestKit.Aws;

namespace Skyforge.Bench;

/// <summary>
/// The AWS side: moto (a child process) or the in-process <see cref="AwsStubServer"/>, always behind TestKit's
/// <see cref="AwsFaultProxy"/>, whose request records are what the harness counts.
/// </summary>
internal sealed class BenchAws : IAsyncDisposable
{
    public const string Region = "us-east-1";

    private readonly MotoServer? _moto;
    private readonly AwsStubServer? _stub;

    private BenchAws(AwsBackendKind kind, AwsFaultProxy proxy, AwsNetwork network, MotoServer? moto, AwsStubServer? stub)
    {
        Kind = kind;
        Proxy = proxy;
        Network = network;
        _moto = moto;
        _stub = stub;
    }

    public AwsBackendKind Kind { get; }

    public AwsFaultProxy Proxy { get; }

    public AwsNetwork Network { get; }

    /// <summary>moto's process id, so its CPU time can be reported; null for the in-process stub.</summary>
    public int? MotoProcessId => _moto?.ProcessId;

    /// <summary>Operations the stub does not implement and answered with an error (always empty for moto).</summary>
    public IReadOnlyDictionary<string, int> UnhandledOperations => _stub?.UnhandledOperations ?? new Dictionary<string, int>();

    public string Description => Kind switch
    {
        AwsBackendKind.Moto => $"moto {_moto!.Endpoint} (child process {_moto.ProcessId}) behind the TestKit fault proxy, no faults injected",
        _ => "COUNTING STUB (in-process, not AWS, not moto): every create is available at once; behind the TestKit fault proxy, no faults injected",
    };

    public static async Task<BenchAws> StartAsync(AwsBackendKind kind, CancellationToken cancellationToken)
    {
        if (kind == AwsBackendKind.Moto)
        {
            var moto = await MotoServer.StartAsync(new MotoServerOptions { TransitionDuration = TimeSpan.FromSeconds(1) }, cancellationToken);
            var motoNetwork = await MotoEc2.CreateNetworkAsync(moto.Endpoint, Region, cancellationToken: cancellationToken);
            var motoProxy = await AwsFaultProxy.StartAsync(moto.Endpoint, cancellationToken: cancellationToken);
            return new BenchAws(kind, motoProxy, new AwsNetwork(motoNetwork.SubnetIds, motoNetwork.SecurityGroupId), moto, null);
        }
        var stub = await AwsStubServer.StartAsync(Region, cancellationToken);
        var proxy = await AwsFaultProxy.StartAsync(stub.Endpoint, cancellationToken: cancellationToken);
        return new BenchAws(kind, proxy, AwsStubServer.Network, null, stub);
    }

    public async ValueTask DisposeAsync()
    {
        await Proxy.DisposeAsync();
        if (_moto is not null)
        {
            await _moto.DisposeAsync();
        }
        if (_stub is not null)
        {
            await _stub.DisposeAsync();
        }
    }
}

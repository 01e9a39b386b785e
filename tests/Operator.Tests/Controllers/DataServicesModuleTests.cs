using Microsoft.Extensions.DependencyInjection;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Operator.Builders;
using Skyforge.Operator.Controllers;
using Skyforge.Operator.Hosting;

namespace Skyforge.Operator.Tests.Controllers;

public sealed class DataServicesModuleTests
{
    [Fact]
    public void The_run_hosts_operator_options_set_cluster_region_provider_drift_and_workers()
    {
        var services = new ServiceCollection();
        services.AddSingleton(new OperatorOptions
        {
            ClusterName = "prod-eu",
            DefaultRegion = "eu-west-1",
            DefaultProvider = Provider.InCluster,
            DriftInterval = TimeSpan.FromMinutes(3),
            MaxConcurrentReconciles = 7,
        });
        new DataServicesModule().Register(services);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<DataServicesOptions>();
        var build = provider.GetRequiredService<BuildContext>();

        Assert.Equal(TimeSpan.FromMinutes(3), options.DriftInterval);
        Assert.Equal(7, options.Workers);
        Assert.Equal(new BuildContext("prod-eu", "eu-west-1", Provider.InCluster), build);
    }

    [Fact]
    public void Explicit_configuration_wins_over_the_hosts_defaults()
    {
        var services = new ServiceCollection();
        services.AddSingleton(new OperatorOptions { ClusterName = "from-host", DefaultRegion = "us-west-2" });
        new DataServicesModule().Register(services);
        services.Configure<DataServicesOptions>(options => options.ClusterName = "explicit");
        using var provider = services.BuildServiceProvider();

        Assert.Equal("explicit", provider.GetRequiredService<BuildContext>().ClusterName);
    }
}

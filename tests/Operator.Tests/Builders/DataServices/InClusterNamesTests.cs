using Skyforge.Operator.Builders.DataServices;

namespace Skyforge.Operator.Tests.Builders.DataServices;

public sealed class InClusterNamesTests
{
    [Fact]
    public void Short_names_are_kept_as_they_are()
    {
        Assert.Equal("orders", InClusterNames.StatefulSet("orders"));
        Assert.Equal("orders-headless", InClusterNames.HeadlessService("orders"));
        Assert.Equal("orders-connection", InClusterNames.ConnectionSecret(null, "orders"));
        Assert.Equal("custom", InClusterNames.ConnectionSecret("custom", "orders"));
    }

    [Fact]
    public void Long_or_dotted_names_become_valid_and_stable()
    {
        var name = "team.orders." + new string('x', 230);

        var statefulSet = InClusterNames.StatefulSet(name);
        var service = InClusterNames.ClientService(name);
        var job = InClusterNames.Job(name, "databases", "SELECT 1");

        Assert.True(statefulSet.Length <= 52);
        Assert.True(service.Length <= 63);
        Assert.True(job.Length <= 63);
        Assert.Matches("^[a-z]([-a-z0-9]*[a-z0-9])?$", statefulSet);
        Assert.Matches("^[a-z]([-a-z0-9]*[a-z0-9])?$", service);
        Assert.Matches("^[a-z]([-a-z0-9]*[a-z0-9])?$", job);
        Assert.Equal(statefulSet, InClusterNames.StatefulSet(name));
        Assert.NotEqual(InClusterNames.StatefulSet(name), InClusterNames.StatefulSet(name + "y"));
        Assert.True(InClusterNames.ConnectionSecret(null, name).Length <= 253);
        Assert.True(InClusterNames.LabelValue(name).Length <= 63);
    }

    [Fact]
    public void Service_names_start_with_a_letter()
    {
        Assert.Equal("sf-1db", InClusterNames.ClientService("1db"));
    }
}

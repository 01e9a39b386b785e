using System.Net;
using System.Text.Json.Nodes;

namespace Skyforge.Operator.IntegrationTests.ApiServer;

public sealed class ListTests
{
    private static async Task SeedAsync(ApiClient client)
    {
        var labels = new (string Name, JsonObject Labels)[]
        {
            ("alpha", new JsonObject { ["tier"] = "gold", ["env"] = "prod" }),
            ("beta", new JsonObject { ["tier"] = "silver", ["env"] = "prod" }),
            ("gamma", new JsonObject { ["tier"] = "bronze" }),
            ("delta", new JsonObject()),
        };
        foreach (var (name, set) in labels)
        {
            (await client.PostAsync(TestResources.WidgetsPath, TestResources.Widget(name, labels: set))).Expect(HttpStatusCode.Created);
        }
    }

    private static async Task<List<string>> NamesAsync(ApiClient client, string query)
    {
        var list = (await client.GetAsync($"{TestResources.WidgetsPath}?{query}")).Expect(HttpStatusCode.OK);
        return list["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.GetValue<string>()).ToList();
    }

    [Theory]
    [InlineData("tier=gold", "alpha")]
    [InlineData("tier==gold", "alpha")]
    [InlineData("tier!=gold", "beta,delta,gamma")]
    [InlineData("tier in (gold,silver)", "alpha,beta")]
    [InlineData("tier notin (gold,silver)", "delta,gamma")]
    [InlineData("env", "alpha,beta")]
    [InlineData("!env", "delta,gamma")]
    [InlineData("env=prod,tier=silver", "beta")]
    public async Task Label_selectors_filter_lists(string selector, string expected)
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        await SeedAsync(client);

        var names = await NamesAsync(client, "labelSelector=" + Uri.EscapeDataString(selector));

        Assert.Equal(expected.Split(','), names);
    }

    [Fact]
    public async Task Field_selectors_support_name_and_namespace_and_reject_other_fields()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        await SeedAsync(client);

        var byName = await NamesAsync(client, "fieldSelector=metadata.name%3Dgamma");
        var notName = await NamesAsync(client, "fieldSelector=metadata.name!%3Dgamma,metadata.namespace%3Ddefault");
        var unsupported = await client.GetAsync($"{TestResources.WidgetsPath}?fieldSelector=spec.size%3Dsmall");

        Assert.Equal(["gamma"], byName);
        Assert.Equal(["alpha", "beta", "delta"], notName);
        Assert.Equal(HttpStatusCode.BadRequest, unsupported.Status);
        Assert.Equal("field label not supported: spec.size", unsupported.Message);
    }

    [Fact]
    public async Task Lists_have_the_list_kind_and_resource_version_and_built_in_items_omit_type_meta()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        await SeedAsync(client);
        (await client.PostAsync("/api/v1/namespaces/default/configmaps", TestResources.ConfigMap("c"))).Expect(HttpStatusCode.Created);

        var widgets = (await client.GetAsync(TestResources.WidgetsPath)).Expect(HttpStatusCode.OK);
        var maps = (await client.GetAsync("/api/v1/configmaps")).Expect(HttpStatusCode.OK);

        Assert.Equal("WidgetList", widgets["kind"]!.GetValue<string>());
        Assert.Equal(server.Store.ResourceVersion.ToString(), widgets["metadata"]!["resourceVersion"]!.GetValue<string>());
        Assert.Equal("Widget", widgets["items"]![0]!["kind"]!.GetValue<string>());
        Assert.Equal("ConfigMapList", maps["kind"]!.GetValue<string>());
        Assert.Null(maps["items"]![0]!["kind"]);
    }

    [Fact]
    public async Task Limit_and_continue_page_through_a_snapshot()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        await SeedAsync(client);

        var first = (await client.GetAsync($"{TestResources.WidgetsPath}?limit=3")).Expect(HttpStatusCode.OK);
        (await client.PostAsync(TestResources.WidgetsPath, TestResources.Widget("aaa-late"))).Expect(HttpStatusCode.Created);
        (await client.DeleteAsync($"{TestResources.WidgetsPath}/gamma")).Expect(HttpStatusCode.OK);
        var token = first["metadata"]!["continue"]!.GetValue<string>();
        var second = (await client.GetAsync($"{TestResources.WidgetsPath}?limit=3&continue={Uri.EscapeDataString(token)}")).Expect(HttpStatusCode.OK);

        Assert.Equal(["alpha", "beta", "delta"], first["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.GetValue<string>()));
        Assert.Equal(1, first["metadata"]!["remainingItemCount"]!.GetValue<int>());
        Assert.Equal(["gamma"], second["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.GetValue<string>()));
        Assert.Null(second["metadata"]!["continue"]);
        Assert.Equal(first["metadata"]!["resourceVersion"]!.GetValue<string>(), second["metadata"]!["resourceVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_continue_token_older_than_the_compacted_history_is_410_expired()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        await SeedAsync(client);
        var first = (await client.GetAsync($"{TestResources.WidgetsPath}?limit=2")).Expect(HttpStatusCode.OK);
        (await client.PostAsync(TestResources.WidgetsPath, TestResources.Widget("later"))).Expect(HttpStatusCode.Created);
        server.Store.Compact();

        var token = first["metadata"]!["continue"]!.GetValue<string>();
        var expired = await client.GetAsync($"{TestResources.WidgetsPath}?limit=2&continue={Uri.EscapeDataString(token)}");
        var withVersion = await client.GetAsync($"{TestResources.WidgetsPath}?limit=2&resourceVersion=1&continue={Uri.EscapeDataString(token)}");

        Assert.Equal(HttpStatusCode.Gone, expired.Status);
        Assert.Equal("Expired", expired.Reason);
        Assert.StartsWith("The provided continue parameter is too old", expired.Message, StringComparison.Ordinal);
        Assert.Equal(422, withVersion.Code);
    }

    [Fact]
    public async Task Kubectl_style_table_requests_get_printer_columns()
    {
        await using var server = await TestResources.StartWithWidgetsAsync();
        using var client = ApiClient.For(server);
        (await client.PostAsync(TestResources.WidgetsPath, TestResources.Widget("t", new JsonObject { ["size"] = "large" }))).Expect(HttpStatusCode.Created);

        var table = (await client.GetAsync(TestResources.WidgetsPath, "application/json;as=Table;v=v1;g=meta.k8s.io,application/json")).Expect(HttpStatusCode.OK);

        Assert.Equal("Table", table["kind"]!.GetValue<string>());
        Assert.Equal(["Name", "Size", "Ready", "Age"], table["columnDefinitions"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
        var row = table["rows"]![0]!;
        Assert.Equal("t", row["cells"]![0]!.GetValue<string>());
        Assert.Equal("large", row["cells"]![1]!.GetValue<string>());
        Assert.Equal("PartialObjectMetadata", row["object"]!["kind"]!.GetValue<string>());
    }
}

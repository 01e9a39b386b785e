using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Skyforge.Crds.V1Alpha1;
using Skyforge.Operator.Builders.DataServices;

using Skyforge.Operator.Controllers;

namespace Skyforge.Operator.IntegrationTests.DataServices.Bus;

/// <summary>The management API calls the queues Job sends, against a real rabbitmq-server.</summary>
public sealed class RabbitMqDeclarationsEngineTests : IAsyncLifetime
{
    private RabbitMqNode _node = null!;

    public async Task InitializeAsync() => _node = await RabbitMqNode.StartAsync();

    public async Task DisposeAsync() => await _node.DisposeAsync();

    private async Task SendAsync(ManagementRequest request)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Path) { Content = JsonContent.Create(request.Body) };
        using var response = await _node.Management.SendAsync(message);
        Assert.True(response.IsSuccessStatusCode, $"{request.Method} {request.Path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<JsonNode> GetAsync(string path) => JsonNode.Parse(await _node.Management.GetStringAsync(path))!;

    [Fact]
    public async Task The_declarations_create_the_queues_and_dead_letter_routes_and_can_run_again()
    {
        var requests = RabbitMqDeclarations.For(
        [
            new QueueSpec { Name = "emails" },
            new QueueSpec { Name = "sms", DeadLetter = true },
            new QueueSpec { Name = "scratch", Durable = false },
        ]);

        // The Job may run again (a retry, a re-created Job): every call is sent twice.
        foreach (var request in requests.Concat(requests))
        {
            await SendAsync(request);
        }

        var queues = (await GetAsync("/api/queues/%2F")).AsArray().Select(queue => queue!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal);
        Assert.Equal(["emails", "scratch", "sms", "sms.dlq"], queues);
        Assert.True((await GetAsync("/api/queues/%2F/emails"))["durable"]!.GetValue<bool>());
        Assert.False((await GetAsync("/api/queues/%2F/scratch"))["durable"]!.GetValue<bool>());
        var sms = await GetAsync("/api/queues/%2F/sms");
        Assert.Equal("sms.dlx", sms["arguments"]!["x-dead-letter-exchange"]!.GetValue<string>());
        Assert.Equal("fanout", (await GetAsync("/api/exchanges/%2F/sms.dlx"))["type"]!.GetValue<string>());
        Assert.Single((await GetAsync("/api/bindings/%2F/e/sms.dlx/q/sms.dlq")).AsArray());
    }
}

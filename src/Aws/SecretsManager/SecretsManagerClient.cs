using Skyforge.Aws.Http;
using Skyforge.Aws.Protocols.Json;

namespace Skyforge.Aws.SecretsManager;

public sealed class SecretsManagerClient : ISecretsManagerClient
{
    private readonly JsonProtocolClient _protocol;

    public SecretsManagerClient(AwsTransport transport)
    {
        _protocol = new JsonProtocolClient(AwsService.SecretsManager, "secretsmanager", transport);
    }

    public Task<CreateSecretResponse> CreateSecretAsync(CreateSecretRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<CreateSecretRequest, CreateSecretResponse>(
            "CreateSecret", request with { ClientRequestToken = request.ClientRequestToken ?? NewToken() }, cancellationToken);

    public Task<GetSecretValueResponse> GetSecretValueAsync(GetSecretValueRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<GetSecretValueRequest, GetSecretValueResponse>("GetSecretValue", request, cancellationToken);

    public Task<PutSecretValueResponse> PutSecretValueAsync(PutSecretValueRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<PutSecretValueRequest, PutSecretValueResponse>(
            "PutSecretValue", request with { ClientRequestToken = request.ClientRequestToken ?? NewToken() }, cancellationToken);

    public Task<DescribeSecretResponse> DescribeSecretAsync(DescribeSecretRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<DescribeSecretRequest, DescribeSecretResponse>("DescribeSecret", request, cancellationToken);

    public Task<UpdateSecretResponse> UpdateSecretAsync(UpdateSecretRequest request, CancellationToken cancellationToken)
    {
        var changesValue = request.SecretString is not null || request.SecretBinary is not null;
        var withToken = changesValue ? request with { ClientRequestToken = request.ClientRequestToken ?? NewToken() } : request;
        return _protocol.InvokeAsync<UpdateSecretRequest, UpdateSecretResponse>("UpdateSecret", withToken, cancellationToken);
    }

    public Task<DeleteSecretResponse> DeleteSecretAsync(DeleteSecretRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync<DeleteSecretRequest, DeleteSecretResponse>("DeleteSecret", request, cancellationToken);

    public Task TagResourceAsync(TagResourceRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync("TagResource", request, cancellationToken);

    public Task UntagResourceAsync(UntagResourceRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync("UntagResource", request, cancellationToken);

    private static string NewToken() => Guid.NewGuid().ToString();
}

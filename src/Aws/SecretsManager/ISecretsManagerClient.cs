namespace Skyforge.Aws.SecretsManager;

/// <summary>AWS Secrets Manager operations Skyforge uses (awsJson1_1, 2017-10-17).</summary>
public interface ISecretsManagerClient
{
    Task<CreateSecretResponse> CreateSecretAsync(CreateSecretRequest request, CancellationToken cancellationToken);

    Task<GetSecretValueResponse> GetSecretValueAsync(GetSecretValueRequest request, CancellationToken cancellationToken);

    Task<PutSecretValueResponse> PutSecretValueAsync(PutSecretValueRequest request, CancellationToken cancellationToken);

    Task<DescribeSecretResponse> DescribeSecretAsync(DescribeSecretRequest request, CancellationToken cancellationToken);

    Task<UpdateSecretResponse> UpdateSecretAsync(UpdateSecretRequest request, CancellationToken cancellationToken);

    Task<DeleteSecretResponse> DeleteSecretAsync(DeleteSecretRequest request, CancellationToken cancellationToken);

    Task TagResourceAsync(TagResourceRequest request, CancellationToken cancellationToken);

    Task UntagResourceAsync(UntagResourceRequest request, CancellationToken cancellationToken);
}

using Skyforge.Aws;
using Skyforge.Aws.SecretsManager;

namespace Skyforge.Operator.Providers.SecretsManager;

/// <summary>
/// Schedules a Secrets Manager secret for deletion, idempotently: Secrets Manager refuses a second DeleteSecret for a
/// secret already scheduled (InvalidRequestException), which a delete interrupted after this step (a crash, a conflict
/// on the finalizer patch) would otherwise hit on every retry.
/// </summary>
public static class SecretDeletion
{
    public static async Task ScheduleAsync(ISecretsManagerClient secrets, string name, int recoveryWindowDays, CancellationToken cancellationToken)
    {
        try
        {
            var described = await secrets.DescribeSecretAsync(new DescribeSecretRequest { SecretId = name }, cancellationToken);
            if (described.DeletedDate is not null)
            {
                return;
            }
            await secrets.DeleteSecretAsync(new DeleteSecretRequest { SecretId = name, RecoveryWindowInDays = recoveryWindowDays }, cancellationToken);
        }
        catch (AwsServiceException gone) when (gone.IsNotFound)
        {
            // Never created, or already deleted for good.
        }
    }
}

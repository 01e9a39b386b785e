using Skyforge.Operator.Cli;
using Skyforge.Operator.Secrets;

namespace Skyforge.Operator.Tests.Foundation;

public sealed class RenderSecretsTests
{
    [Theory]
    [InlineData("palipoint")]
    [InlineData("portfolio")]
    [InlineData("shangwellness")]
    [InlineData("wallet")]
    [InlineData("cloud-design")]
    [InlineData("managedsecret")]
    [InlineData("messagebus")]
    public void No_generated_secret_value_appears_in_the_output(string sample)
    {
        var secrets = new RandomSecretSource();
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = RenderCommand.Run([RepoPaths.Sample(sample)], stdout, stderr, secrets);

        Assert.Equal(0, code);
        Assert.NotEmpty(secrets.Issued);
        var output = stdout + stderr.ToString();
        foreach (var value in secrets.Issued)
        {
            Assert.DoesNotContain(value, output);
        }
        Assert.Contains("<redacted>", output);
    }
}

namespace Skyforge.Operator.Cli;

/// <summary>Process exit codes shared by every command.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;

    /// <summary>The input is invalid (bad manifest) or the command line is wrong.</summary>
    public const int Invalid = 2;
    public const int Usage = 2;
}

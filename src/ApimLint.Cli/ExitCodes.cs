namespace ApimLint.Cli;

/// <summary>What the process exit code means, for CI gates.</summary>
public static class ExitCodes
{
    public const int Clean = 0;
    public const int Findings = 1;
    public const int UsageOrInput = 2;
    public const int Internal = 3;
}

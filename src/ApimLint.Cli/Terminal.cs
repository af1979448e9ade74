namespace ApimLint.Cli;

internal static class Terminal
{
    /// <summary>Colour only for a person at a terminal: not when redirected, not with NO_COLOR (no-color.org), not on a dumb terminal.</summary>
    public static bool UseColor() =>
        !Console.IsOutputRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
        && Environment.GetEnvironmentVariable("TERM") != "dumb";
}

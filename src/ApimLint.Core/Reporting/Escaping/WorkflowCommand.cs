namespace ApimLint.Reporting.Escaping;

/// <summary>
/// Values inside a GitHub Actions workflow command (<c>::error file=…,title=…::message</c>): first shown as
/// <see cref="TerminalText"/> does, then escaped as the Actions toolkit does (command.ts), which the
/// runner undoes: data escapes '%', CR and LF; a property also ':' and ','.
/// </summary>
public static class WorkflowCommand
{
    public static string Data(string value) => ToolkitData(TerminalText.Escape(value));

    public static string Property(string value) => ToolkitData(TerminalText.Escape(value)).Replace(":", "%3A").Replace(",", "%2C");

    private static string ToolkitData(string text) => text.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");
}

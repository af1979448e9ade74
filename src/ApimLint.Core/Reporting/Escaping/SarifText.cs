namespace ApimLint.Reporting.Escaping;

/// <summary>
/// Text inside a SARIF message (§3.11.6): '[' and ']' start and end embedded links, so data escapes
/// them, and the backslash that escapes, with a backslash; only the links apimlint writes around it
/// (<c>[text](1)</c> to a related location) stay links.
/// </summary>
public static class SarifText
{
    public static string Escape(string value) => value.Replace("\\", "\\\\").Replace("[", "\\[").Replace("]", "\\]");
}

namespace ApimLint.Diagnostics;

/// <summary>How serious a finding is; ordered so that a higher value is worse.</summary>
public enum Severity { None = 0, Note = 1, Warning = 2, Error = 3 }

public static class SeverityNames
{
    public static string Name(this Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Note => "note",
        _ => "none",
    };
}

using System.Reflection;

namespace ApimLint.Reporting;

/// <summary>The tool's identity as reports state it.</summary>
public static class ProjectInfo
{
    public const string HomePage = "https://github.com/apimlint/apimlint";

    public static string Version { get; } =
        typeof(ProjectInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}

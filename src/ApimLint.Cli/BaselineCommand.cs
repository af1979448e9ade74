using System.CommandLine;
using System.Text;
using ApimLint.Baselines;
using ApimLint.Engine;
using ApimLint.Loading;
using ApimLint.Reporting;

namespace ApimLint.Cli;

/// <summary>`apimlint baseline write [DIR] [FILE]`: accept today's findings so that the gate starts green and catches only new ones.</summary>
internal static class BaselineCommand
{
    public const string DefaultFile = "apimlint.baseline";

    public static Command Create(CliConsole console)
    {
        var deployment = new DeploymentOptions();
        deployment.TakeOnlyFolders(console.WorkingDirectory);
        var file = new Argument<string?>("FILE")
        {
            Description = $"Where to write it (default: the baseline named in apimlint.json, else DIR/{DefaultFile}). A single argument that is not a folder is FILE.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var write = new Command("write", "Record the current findings of the deployment as accepted.");
        deployment.AddTo(write);
        write.Arguments.Add(file);
        write.SetAction(parse =>
        {
            var folder = deployment.Folder(parse, console.WorkingDirectory);
            var config = deployment.Config(parse, console);
            var target = parse.GetValue(file) is { } given ? Path.GetFullPath(given, console.WorkingDirectory)
                : config.Baseline is { } configured ? Path.GetFullPath(configured, config.Directory!)
                : Path.Combine(folder, DefaultFile);
            // A file the deployment names (or the default one in it) is written only inside it, never through a link.
            if (parse.GetValue(file) is null) Confinement.EnsureWritable(folder, target);
            var loaded = DeploymentLoader.Load(deployment.Read(parse, console.WorkingDirectory, config));
            var analysis = new AnalysisOptions(config.Rules, InlineSuppressions: true);
            var findings = Analyzer.Run(loaded, console.Rules, analysis).Reported;
            var baseline = Baseline.From(findings, ReportContext.For(loaded, console.WorkingDirectory, console.Rules.Where(analysis.IsEnabled).ToList()));
            AtomicFile.Write(target, stream => stream.Write(new UTF8Encoding(false).GetBytes(baseline.ToText())));
            console.Error.WriteLine($"wrote {baseline.Entries.Count} finding{(baseline.Entries.Count == 1 ? "" : "s")} to {PathDisplay.Relative(target, console.WorkingDirectory)}");
            return ExitCodes.Clean;
        });
        return new Command("baseline", "Accept the current findings, so that the gate reports only new ones.") { write };
    }
}

using System.CommandLine;
using System.Text;
using ApimLint.Baselines;
using ApimLint.Engine;
using ApimLint.Loading;
using ApimLint.Reporting;

namespace ApimLint.Cli;

/// <summary>`apimlint baseline write [FILE]`: accept today's findings so that the gate starts green and catches only new ones.</summary>
internal static class BaselineCommand
{
    public const string DefaultFile = "apimlint.baseline";

    public static Command Create(CliConsole console)
    {
        var deployment = new DeploymentOptions(folderArgument: false);
        var file = new Argument<string?>("FILE")
        {
            Description = $"Where to write it (default: the baseline named in apimlint.json, else {DefaultFile}).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var write = new Command("write", "Record the current findings of the deployment in the current folder as accepted.") { file };
        deployment.AddTo(write);
        write.SetAction(parse =>
        {
            var config = deployment.Config(parse, console.WorkingDirectory);
            var target = parse.GetValue(file) is { } given ? Path.GetFullPath(given, console.WorkingDirectory)
                : config.Baseline is { } configured ? Path.GetFullPath(configured, config.Directory!)
                : Path.Combine(console.WorkingDirectory, DefaultFile);
            // A file the deployment names (or the default one in it) is written only inside it, never through a link.
            if (parse.GetValue(file) is null) Confinement.EnsureWritable(deployment.Folder(parse, console.WorkingDirectory), target);
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

using ApimLint.Tests.Drift;

// packgen OUT [--files N] [--megabytes M] [--seed S] [--fixtures DIR]: writes OUT/active, OUT/passive,
// OUT/nginx and OUT/planted.tsv (rule, file, what), and prints the planted differences. The fixtures
// default to those of the repository around the current folder.
if (args.Length == 0 || args[0].StartsWith('-'))
{
    Console.Error.WriteLine("usage: packgen OUT [--files N] [--megabytes M] [--seed S]");
    return 2;
}
var options = new Dictionary<string, string>();
for (var i = 1; i + 1 < args.Length; i += 2) options[args[i]] = args[i + 1];
var target = Path.GetFullPath(args[0]);
if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
{
    Console.Error.WriteLine($"packgen: {target} is not empty");
    return 2;
}
var fixtures = options.GetValueOrDefault("--fixtures") ?? Fixtures(Environment.CurrentDirectory) ?? Fixtures(AppContext.BaseDirectory);
if (fixtures is null)
{
    Console.Error.WriteLine("packgen: run it inside the repository, or give --fixtures DIR");
    return 2;
}
var generator = new PackGenerator(fixtures)
{
    Files = int.Parse(options.GetValueOrDefault("--files", "5000")),
    Bytes = long.Parse(options.GetValueOrDefault("--megabytes", "500")) << 20,
    Seed = int.Parse(options.GetValueOrDefault("--seed", "2026")),
};
var planted = generator.Generate(target);
var lines = planted.Select(p => $"{p.RuleId}\t{p.File}\t{p.What}").ToList();
File.WriteAllLines(Path.Combine(target, "planted.tsv"), lines);
foreach (var line in lines) Console.WriteLine(line);
return 0;

static string? Fixtures(string from)
{
    for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "ApimLint.sln"))) return Path.Combine(dir.FullName, "fixtures");
    return null;
}

using ApimLint.Tests.Drift;

// packgen OUT [--files N] [--megabytes M] [--seed S]: writes OUT/active, OUT/passive, OUT/nginx and
// OUT/planted.tsv (rule, file, what), and prints the planted differences.
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
var root = AppContext.BaseDirectory;
while (!File.Exists(Path.Combine(root, "ApimLint.sln"))) root = Path.GetDirectoryName(root.TrimEnd('/')) ?? throw new InvalidOperationException("ApimLint.sln not found");
var generator = new PackGenerator(Path.Combine(root, "fixtures"))
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

using System.Text;
using System.Text.Json.Nodes;
using ApimLint.Syntax.Json;
using ApimLint.Syntax.Nginx;
using ApimLint.Syntax.Properties;
using ApimLint.Syntax.Sql;
using ApimLint.Syntax.Xml;
using ApimLint.Tests.Fixtures;
using ApimLint.Text;
using CsCheck;

namespace ApimLint.Tests.Properties;

/// <summary>
/// Random damage to the real 2.6.0 files (byte flips, truncation, inserted markup and bytes):
/// parsing and the whole check never throw, and every position they report lies inside its file.
/// </summary>
public sealed class MutationTests
{
    private static readonly string Real = TestPaths.Fixture("realworld-2.6.0");

    private static readonly string[] Files = TestPaths.PackFiles("2.6.0").ToArray();

    private static readonly byte[][] Insertions = new[]
    {
        "<", ">", "</x>", "<!--", "-->", "<![CDATA[", "]]>", "&", "&lol;", "\"", "'", "{", "}", ";", "#", "//", "/*", "\\", "\\u12",
        "${", "<!DOCTYPE x [<!ENTITY a SYSTEM \"file:///etc/passwd\">]>", "\0", "\r", "\n", "\uFEFF", "é", "😀",
    }.Select(Encoding.UTF8.GetBytes).Append([0xC3]).Append([0xFF, 0xFE]).Append([0x80, 0x80]).ToArray();

    /// <summary>A real file with one random mutation: (relative path, bytes).</summary>
    private static readonly Gen<(string File, byte[] Bytes)> Mutated =
        Gen.Select(Gen.Int[0, Files.Length - 1], Gen.Int[0, 3], Gen.Double[0, 1], Gen.Int[0, 255], Gen.Int[0, Insertions.Length - 1])
            .Select(t =>
            {
                var (fileIndex, kind, where, value, insertion) = t;
                var original = File.ReadAllBytes(Path.Combine(Real, Files[fileIndex]));
                var at = (int)(where * original.Length);
                byte[] bytes = kind switch
                {
                    0 => FlipByte(original, at, (byte)value),
                    1 => original[..at],
                    2 => [.. original[..at], .. Insertions[insertion], .. original[at..]],
                    _ => [.. original[..at], .. Enumerable.Repeat((byte)value, 1 + value % 7), .. original[at..]],
                };
                return (Files[fileIndex], bytes);
            });

    private static byte[] FlipByte(byte[] original, int at, byte value)
    {
        var copy = (byte[])original.Clone();
        if (copy.Length > 0) copy[Math.Min(at, copy.Length - 1)] = value;
        return copy;
    }

    [Fact]
    public void Parsers_never_throw_and_report_positions_inside_the_file()
    {
        PropertyBudget.Check(Mutated, mutation =>
        {
            var (text, encoding) = SourceEncoding.Decode(mutation.Bytes);
            var source = new SourceText(mutation.File, text, encoding);
            var error = Path.GetExtension(mutation.File) switch
            {
                ".xml" => XmlParser.Parse(source).Error,
                ".json" => JsonParser.Parse(source).Error,
                ".properties" => PropertiesParser.Parse(source).Error,
                _ => throw new InvalidOperationException(mutation.File),
            };
            Assert.InRange(error?.Offset ?? 0, 0, text.Length);
            Assert.InRange(NginxParser.Parse(source).Error?.Offset ?? 0, 0, text.Length);
            Assert.InRange(SqlParser.Parse(source).Error?.Offset ?? 0, 0, text.Length);
        }, m => $"{m.File} ({m.Bytes.Length} bytes)");
    }

    [Fact]
    public void The_whole_check_never_throws_and_every_finding_points_inside_its_file()
    {
        using var temp = new TempDirectory();
        FixtureCase.CopyDirectory(TestPaths.Fixture("correct-same-host"), temp.Path);
        var used = Files.Where(f => File.Exists(Path.Combine(temp.Path, "passive", f))).ToArray();

        PropertyBudget.Check(Mutated.Where(m => used.Contains(m.File)), mutation =>
        {
            var target = Path.Combine(temp.Path, "passive", mutation.File);
            var original = File.ReadAllBytes(target);
            File.WriteAllBytes(target, mutation.Bytes);
            try
            {
                var result = Apimlint.Run(temp.Path, "check", ".", "--format", "json");
                Assert.Equal("", result.Stderr);
                Assert.InRange(result.ExitCode, 0, 1);
                foreach (var finding in JsonNode.Parse(result.Stdout)!["findings"]!.AsArray())
                {
                    var location = finding!["location"]!;
                    var path = Path.Combine(temp.Path, (string)location["path"]!);
                    if (location["startLine"] is null) continue;
                    var text = SourceEncoding.Decode(File.ReadAllBytes(path)).Text;
                    var lines = new SourceText(path, text).GetLinePosition(text.Length).Line;
                    Assert.InRange((int)location["startLine"]!, 1, lines);
                    Assert.InRange((int)location["endLine"]!, (int)location["startLine"]!, lines);
                }
            }
            finally
            {
                File.WriteAllBytes(target, original);
            }
        }, m => $"{m.File} ({m.Bytes.Length} bytes)");
    }
}

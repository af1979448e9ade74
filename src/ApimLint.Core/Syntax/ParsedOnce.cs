using System.Runtime.CompilerServices;
using ApimLint.Text;

namespace ApimLint.Syntax;

/// <summary>
/// One tree per source text, whoever asks: the loader, the drift comparison and the fixes read a file's single parse.
/// Trees do not change once built, so they are shared safely.
/// </summary>
internal static class ParsedOnce<T> where T : class
{
    private static readonly ConditionalWeakTable<SourceText, T> Trees = new();

    public static T Get(SourceText source, Func<SourceText, T> parse) => Trees.GetValue(source, text => parse(text));
}

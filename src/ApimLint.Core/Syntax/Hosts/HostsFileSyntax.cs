using ApimLint.Text;

namespace ApimLint.Syntax.Hosts;

/// <summary>One word of a hosts file line: an address or a name, with where it is written.</summary>
public sealed class HostsWordSyntax(SourceText source, TextSpan span) : SyntaxNode(source, span)
{
    public string Text => SourceString;
}

/// <summary>A line of an /etc/hosts file: an IP address and the names it goes by.</summary>
public sealed class HostsEntrySyntax(SourceText source, TextSpan span, HostsWordSyntax address, IReadOnlyList<HostsWordSyntax> names) : SyntaxNode(source, span)
{
    public HostsWordSyntax Address { get; } = address;
    public IReadOnlyList<HostsWordSyntax> Names { get; } = names;
}

/// <summary>
/// A file in /etc/hosts format: an IP address then names on each line, <c>#</c> to the end of a line a comment.
/// A line whose first word is not an IP address is skipped, as the resolver does.
/// </summary>
public sealed class HostsFileSyntax(SourceText source, IReadOnlyList<HostsEntrySyntax> entries, SyntaxError? error)
    : SyntaxNode(source, new TextSpan(0, source.Length))
{
    public IReadOnlyList<HostsEntrySyntax> Entries { get; } = entries;
    public SyntaxError? Error { get; } = error;

    public static HostsFileSyntax Parse(SourceText source)
    {
        var text = source.Text;
        var nul = text.IndexOf('\0');
        if (nul >= 0) return new HostsFileSyntax(source, [], new SyntaxError(source, nul, "binary content (a NUL byte) where a hosts file is expected"));
        var entries = new List<HostsEntrySyntax>();
        for (var start = 0; start < text.Length;)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            var comment = text.IndexOf('#', start, end - start);
            var words = Words(source, start, comment < 0 ? end : comment);
            if (words.Count >= 2 && IpLiterals.IsAddress(words[0].Text))
                entries.Add(new HostsEntrySyntax(source, TextSpan.FromBounds(words[0].Span.Start, words[^1].Span.End), words[0], words.Skip(1).ToList()));
            start = end + 1;
        }
        return new HostsFileSyntax(source, entries, null);
    }

    private static List<HostsWordSyntax> Words(SourceText source, int start, int end)
    {
        var words = new List<HostsWordSyntax>();
        var text = source.Text;
        for (var i = start; i < end;)
        {
            while (i < end && char.IsWhiteSpace(text[i])) i++;
            var wordStart = i;
            while (i < end && !char.IsWhiteSpace(text[i])) i++;
            if (i > wordStart) words.Add(new HostsWordSyntax(source, TextSpan.FromBounds(wordStart, i)));
        }
        return words;
    }
}

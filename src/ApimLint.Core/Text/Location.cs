namespace ApimLint.Text;

/// <summary>
/// Where a fact or a finding sits: a span in a file that was read, or a whole file by path when the
/// file does not exist (a finding about a missing file still names where it belongs).
/// </summary>
public sealed record Location(string Path, SourceText? Source, TextSpan? Span)
{
    public static Location InFile(SourceText source, TextSpan span) => new(source.Path, source, span);

    public static Location WholeFile(string path) => new(path, null, null);

    public LinePosition? Start => Source is null || Span is null ? null : Source.GetLinePosition(Span.Value.Start);

    public LinePosition? End => Source is null || Span is null ? null : Source.GetLinePosition(Span.Value.End);
}

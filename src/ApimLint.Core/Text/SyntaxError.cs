namespace ApimLint.Text;

/// <summary>Why a file does not parse, and where: the first error its parser met.</summary>
public sealed record SyntaxError(SourceText Source, int Offset, string Message)
{
    public LinePosition Position => Source.GetLinePosition(Offset);
}

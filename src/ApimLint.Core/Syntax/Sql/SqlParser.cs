using ApimLint.Text;

namespace ApimLint.Syntax.Sql;

/// <summary>
/// Reads a MySQL provisioning script far enough to find its CREATE DATABASE statements: statements are
/// split on ';' outside quotes and comments, and only CREATE DATABASE/SCHEMA is parsed further.
/// A pasted "mysql>" prompt before a statement is tolerated, as operators copy them from guides.
/// </summary>
public static class SqlParser
{
    public static SqlScriptSyntax Parse(SourceText source)
    {
        var statements = new List<CreateDatabaseSyntax>();
        var comments = new List<CommentTrivia>();
        var tokens = new List<(string Text, TextSpan Span)>();
        var text = source.Text;
        if (text.IndexOf('\0') is var nul and >= 0)
            return new SqlScriptSyntax(source, [], [], new SyntaxError(source, nul, "binary content (a NUL byte) where an SQL script is expected"));
        var i = 0;
        while (true)
        {
            var error = NextToken(source, ref i, out var token, comments);
            if (error is not null) return new SqlScriptSyntax(source, statements, comments, new SyntaxError(source, i, error));
            if (token is null || text[token.Value.Start] == ';')
            {
                if (ParseCreateDatabase(source, tokens) is { } statement) statements.Add(statement);
                tokens.Clear();
                if (token is null) break;
                continue;
            }
            tokens.Add((text.Substring(token.Value.Start, token.Value.Length), token.Value));
        }
        return new SqlScriptSyntax(source, statements, comments, null);
    }

    private static CreateDatabaseSyntax? ParseCreateDatabase(SourceText source, List<(string Text, TextSpan Span)> tokens)
    {
        var t = tokens;
        var at = 0;
        while (at < t.Count && t[at].Text.Equals("mysql>", StringComparison.OrdinalIgnoreCase)) at++;
        bool Word(string w) => at < t.Count && t[at].Text.Equals(w, StringComparison.OrdinalIgnoreCase) && ++at > 0;
        if (!Word("create") || !(Word("database") || Word("schema"))) return null;
        if (Word("if") && !(Word("not") && Word("exists"))) return null;
        if (at >= t.Count) return null;
        var (rawName, nameSpan) = t[at++];
        string? charset = null;
        TextSpan? charsetSpan = null;
        while (at < t.Count)
        {
            if ((Word("character") && Word("set")) || Word("charset"))
            {
                Word("=");
                if (at < t.Count)
                {
                    charset = Unquote(t[at].Text);
                    charsetSpan = t[at].Span;
                }
            }
            at++;
        }
        var span = TextSpan.FromBounds(tokens[0].Span.Start, tokens[^1].Span.End);
        return new CreateDatabaseSyntax(source, span, Unquote(rawName), nameSpan, charset, charsetSpan);
    }

    private static string Unquote(string s) =>
        s.Length >= 2 && s[0] is '`' or '\'' or '"' && s[^1] == s[0] ? s[1..^1] : s;

    /// <summary>Moves past whitespace and comments to the next token; returns an error message for an unterminated quote or comment.</summary>
    private static string? NextToken(SourceText source, ref int i, out TextSpan? token, List<CommentTrivia> comments)
    {
        var text = source.Text;
        token = null;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c == '\uFEFF') { i++; continue; }
            if (c == '#' || (c == '-' && i + 2 <= text.Length && text.AsSpan(i).StartsWith("--")))
            {
                var commentStart = i;
                while (i < text.Length && text[i] is not ('\n' or '\r')) i++;
                comments.Add(new CommentTrivia(source, TextSpan.FromBounds(commentStart, i), text[(commentStart + (c == '#' ? 1 : 2))..i]));
                continue;
            }
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var close = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (close < 0) return "unterminated /* comment";
                comments.Add(new CommentTrivia(source, TextSpan.FromBounds(i, close + 2), text[(i + 2)..close]));
                i = close + 2;
                continue;
            }
            var start = i;
            if (c is ';' or '=' or ',' or '(' or ')')
            {
                i++;
            }
            else if (c is '\'' or '"' or '`')
            {
                var close = text.IndexOf(c, i + 1);
                if (close < 0) return $"unterminated {c} quote";
                i = close + 1;
            }
            else
            {
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not (';' or '=' or ',' or '(' or ')' or '\'' or '"' or '`')) i++;
            }
            token = TextSpan.FromBounds(start, i);
            return null;
        }
        return null;
    }
}

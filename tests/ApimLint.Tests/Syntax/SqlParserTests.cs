using ApimLint.Syntax.Sql;
using ApimLint.Text;

namespace ApimLint.Tests.Syntax;

public sealed class SqlParserTests
{
    [Fact]
    public void Finds_create_database_statements_with_their_character_set()
    {
        var text = "-- setup\nmysql> create database apimgtdb;\nuse apimgtdb;\nsource /x/mysql.sql;\n" +
                   "CREATE DATABASE IF NOT EXISTS `userdb` DEFAULT CHARACTER SET = latin1 COLLATE latin1_swedish_ci;\n" +
                   "/* ; */ create schema regdb charset utf8mb4;\ngrant all on regdb.* TO u@localhost identified by 'p;w';\n";
        var script = SqlParser.Parse(new SourceText("x.sql", text));

        Assert.Null(script.Error);
        Assert.Equal(["apimgtdb", "userdb", "regdb"], script.CreateDatabases.Select(c => c.Name));
        Assert.Equal([null, "latin1", "utf8mb4"], script.CreateDatabases.Select(c => c.CharacterSet));
        var first = script.CreateDatabases[0];
        Assert.Equal("mysql> create database apimgtdb", script.Source[first.Span]);
        Assert.Equal(new LinePosition(2, 1), script.Source.GetLinePosition(first.Span.Start));
    }

    [Fact]
    public void Unterminated_quote_is_an_error()
    {
        var error = SqlParser.Parse(new SourceText("x.sql", "create database a;\ngrant all on a.* to 'u@localhost;\n")).Error;
        Assert.Equal(new LinePosition(2, 21), error?.Position);
    }
}

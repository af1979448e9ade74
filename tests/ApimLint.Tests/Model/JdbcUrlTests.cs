using ApimLint.Model;

namespace ApimLint.Tests.Model;

public sealed class JdbcUrlTests
{
    [Theory]
    [InlineData("jdbc:mysql://localhost:3306/apimgtdb", "mysql", "localhost", 3306, "apimgtdb", false)]
    [InlineData("jdbc:mysql://db.example.com/regdb?autoReconnect=true&useSSL=false", "mysql", "db.example.com", null, "regdb", false)]
    [InlineData("jdbc:mariadb://10.0.0.5:3307/userdb", "mariadb", "10.0.0.5", 3307, "userdb", false)]
    [InlineData("jdbc:postgresql://pg:5432/apim", "postgresql", "pg", 5432, "apim", false)]
    [InlineData("jdbc:oracle:thin:@ora.example.com:1521:ORCL", "oracle", "ora.example.com", 1521, "ORCL", false)]
    [InlineData("jdbc:oracle:thin:@//ora:1521/apim.svc", "oracle", "ora", 1521, "apim.svc", false)]
    [InlineData("jdbc:sqlserver://mssql:1433;databaseName=WSO2AM_DB;SendStringParametersAsUnicode=false", "sqlserver", "mssql", 1433, "WSO2AM_DB", false)]
    [InlineData("jdbc:db2://db2host:50000/APIMDB", "db2", "db2host", 50000, "APIMDB", false)]
    [InlineData("jdbc:h2:repository/database/WSO2CARBON_DB;DB_CLOSE_ON_EXIT=FALSE", "h2", null, null, "repository/database/WSO2CARBON_DB", true)]
    [InlineData("jdbc:h2:tcp://h2server:9092/apim;AUTO_SERVER=TRUE", "h2", "h2server", 9092, "apim", false)]
    public void Parses_the_engines_api_manager_supports(string url, string engine, string? host, int? port, string? database, bool embedded)
    {
        var parsed = JdbcUrl.Parse(url);

        Assert.NotNull(parsed);
        Assert.Equal(new JdbcUrl(engine, host, port, database), parsed);
        Assert.Equal(embedded, parsed.IsEmbedded);
    }

    [Theory]
    [InlineData("")]
    [InlineData("mysql://localhost/x")]
    [InlineData("jdbc:")]
    public void Rejects_what_is_not_a_jdbc_url(string url) => Assert.Null(JdbcUrl.Parse(url));
}

using ApimLint.Loading;
using ApimLint.Model;

namespace ApimLint.Tests.Model;

public sealed class JdbcUrlTests
{
    [Theory]
    [InlineData("jdbc:mysql://localhost:3306/apimgtdb", "mysql", "localhost", 3306, "apimgtdb", false)]
    [InlineData("jdbc:mysql://db.example.com/regdb?autoReconnect=true&useSSL=false", "mysql", "db.example.com", 3306, "regdb", false)]
    [InlineData("jdbc:mysql://apim:s3cret@db:3307/regdb", "mysql", "db", 3307, "regdb", false)]
    [InlineData("jdbc:mysql:///regdb", "mysql", "localhost", 3306, "regdb", false)]
    [InlineData("jdbc:mysql://[::1]:3306/regdb", "mysql", "[::1]", 3306, "regdb", false)]
    [InlineData("jdbc:mariadb://10.0.0.5:3307/userdb", "mariadb", "10.0.0.5", 3307, "userdb", false)]
    [InlineData("jdbc:mariadb://10.0.0.5/userdb", "mariadb", "10.0.0.5", 3306, "userdb", false)]
    [InlineData("jdbc:postgresql://pg:5432/apim", "postgresql", "pg", 5432, "apim", false)]
    [InlineData("jdbc:postgresql://pg/apim?ssl=true", "postgresql", "pg", 5432, "apim", false)]
    [InlineData("jdbc:postgresql:apim", "postgresql", "localhost", 5432, "apim", false)]
    [InlineData("jdbc:db2://db2host:50000/APIMDB", "db2", "db2host", 50000, "APIMDB", false)]
    [InlineData("jdbc:db2://db2host/APIMDB:retrieveMessagesFromServerOnGetMessage=true;", "db2", "db2host", 50000, "APIMDB", false)]
    [InlineData("jdbc:sqlserver://mssql:1433;databaseName=WSO2AM_DB;SendStringParametersAsUnicode=false", "sqlserver", "mssql", 1433, "WSO2AM_DB", false)]
    [InlineData("jdbc:sqlserver://mssql;encrypt=true;DATABASENAME=WSO2AM_DB", "sqlserver", "mssql", 1433, "WSO2AM_DB", false)]
    [InlineData("jdbc:sqlserver://mssql;database=WSO2AM_DB", "sqlserver", "mssql", 1433, "WSO2AM_DB", false)]
    [InlineData("jdbc:sqlserver://;serverName=mssql;portNumber=1434;databaseName={WSO2;AM}", "sqlserver", "mssql", 1434, "WSO2;AM", false)]
    [InlineData("jdbc:sqlserver://mssql\\APIM:1450;databaseName=am", "sqlserver", "mssql", 1450, "am", false)]
    [InlineData("jdbc:oracle:thin:@ora.example.com:1521:ORCL", "oracle", "ora.example.com", 1521, "ORCL", false)]
    [InlineData("jdbc:oracle:thin:@//ora:1521/apim.svc", "oracle", "ora", 1521, "apim.svc", false)]
    [InlineData("jdbc:oracle:thin:@//ora/apim.svc", "oracle", "ora", 1521, "apim.svc", false)]
    [InlineData("jdbc:oracle:thin:@ora:1522/apim.svc", "oracle", "ora", 1522, "apim.svc", false)]
    [InlineData("jdbc:oracle:thin:apim/s3cret@ora:1521/apim.svc", "oracle", "ora", 1521, "apim.svc", false)]
    [InlineData("jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=ora)(PORT=1523))(CONNECT_DATA=(SERVICE_NAME=apim.svc)))", "oracle", "ora", 1523, "apim.svc", false)]
    [InlineData("jdbc:oracle:thin:@( description = (address = (protocol = tcp)(host = ora)) (connect_data = (sid = ORCL)) )", "oracle", "ora", 1521, "ORCL", false)]
    [InlineData("jdbc:h2:repository/database/WSO2CARBON_DB;DB_CLOSE_ON_EXIT=FALSE", "h2", null, null, "repository/database/WSO2CARBON_DB", true)]
    [InlineData("jdbc:h2:tcp://h2server:9092/apim;AUTO_SERVER=TRUE", "h2", "h2server", 9092, "apim", false)]
    public void Reads_each_form_as_its_driver_does(string url, string engine, string? host, int? port, string? database, bool embedded)
    {
        var parsed = JdbcUrl.Parse(url);

        Assert.NotNull(parsed);
        Assert.Equal((engine, host, port, database, embedded), (parsed.Engine, parsed.Host, parsed.Port, parsed.Database, parsed.IsEmbedded));
        Assert.Equal(!embedded, parsed.IsIdentified);
    }

    [Theory]
    [InlineData("jdbc:oracle:thin:@ora:1521:ORCL", true)]
    [InlineData("jdbc:oracle:thin:@ora:1521/ORCL", false)]
    [InlineData("jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(HOST=ora))(CONNECT_DATA=(SID=ORCL)))", true)]
    public void Tells_an_oracle_sid_from_a_service_name(string url, bool sid) => Assert.Equal(sid, JdbcUrl.Parse(url)!.NamedBySid);

    [Theory]
    [InlineData("jdbc:oracle:thin:@APIMDB")]
    [InlineData("jdbc:oracle:thin:@ora:1521")]
    [InlineData("jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS_LIST=(ADDRESS=(HOST=a)(PORT=1521))(ADDRESS=(HOST=b)(PORT=1521)))(CONNECT_DATA=(SERVICE_NAME=s)))")]
    [InlineData("jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(PROTOCOL=IPC)(HOST=a))(CONNECT_DATA=(SERVICE_NAME=s)))")]
    [InlineData("jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(HOST=a)(CONNECT_DATA=(SERVICE_NAME=s))")]
    [InlineData("jdbc:mysql://db1,db2/regdb")]
    [InlineData("jdbc:mysql://address=(host=db1)(port=3306)/regdb")]
    [InlineData("jdbc:mysql://db:port/regdb")]
    [InlineData("jdbc:mysql:replication://db1/regdb")]
    [InlineData("jdbc:mysql://db:3306/")]
    [InlineData("jdbc:sqlserver://mssql\\SQLEXPRESS;databaseName=am")]
    [InlineData("jdbc:sqlserver://mssql")]
    [InlineData("jdbc:informix-sqli://ifx/apim")]
    public void Leaves_a_database_the_driver_finds_elsewhere_unknown(string url) => Assert.False(JdbcUrl.Parse(url)!.IsIdentified);

    [Theory]
    [InlineData("")]
    [InlineData("mysql://localhost/x")]
    [InlineData("jdbc:")]
    public void Rejects_what_is_not_a_jdbc_url(string url) => Assert.Null(JdbcUrl.Parse(url));

    [Theory]
    [InlineData("jdbc:mysql://localhost/apimgtdb", "jdbc:mysql://localhost:3306/apimgtdb?useSSL=false", true)]
    [InlineData("jdbc:mysql://DB.example.com:3306/apimgtdb?a=1&b=2", "jdbc:mysql://db.example.com/apimgtdb?b=2&a=1", true)]
    [InlineData("jdbc:mariadb://db:3306/apimgtdb", "jdbc:mysql://db/apimgtdb", true)]
    [InlineData("jdbc:sqlserver://mssql;databaseName=am", "jdbc:sqlserver://MSSQL:1433;encrypt=false;database=AM", true)]
    [InlineData("jdbc:oracle:thin:@ora:1521/apim.svc", "jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=ora)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=apim.svc)))", true)]
    [InlineData("jdbc:postgresql://localhost/apim", "jdbc:postgresql:apim", true)]
    [InlineData("jdbc:mysql://db:3306/apimgtdb", "jdbc:mysql://db:3307/apimgtdb", false)]
    [InlineData("jdbc:mysql://db1/apimgtdb", "jdbc:mysql://db2/apimgtdb", false)]
    [InlineData("jdbc:mysql://db/apimgtdb", "jdbc:postgresql://db:3306/apimgtdb", false)]
    [InlineData("jdbc:oracle:thin:@ora:1521:ORCL", "jdbc:oracle:thin:@ora:1521:APIM", false)]
    [InlineData("jdbc:oracle:thin:@ora:1521:ORCL", "jdbc:oracle:thin:@//ora:1521/ORCL", null)]
    [InlineData("jdbc:oracle:thin:@APIMDB", "jdbc:oracle:thin:@ora:1521/apim.svc", null)]
    public void Compares_the_database_two_urls_written_on_one_node_reach(string one, string other, bool? same)
    {
        var deployment = DeploymentLoader.Load(DeploymentInput.FromFolder(TestPaths.Fixture("correct-two-hosts")));

        Assert.Equal(same, deployment.SameDatabase(deployment.Active, JdbcUrl.Parse(one), deployment.Active, JdbcUrl.Parse(other)));
    }
}

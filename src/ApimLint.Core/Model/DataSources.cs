using ApimLint.Syntax.Xml;

namespace ApimLint.Model;

/// <summary>One <c>&lt;datasource&gt;</c> of repository/conf/datasources/*.xml.</summary>
public sealed record DataSource(
    XmlElementSyntax Element,
    Located<string> Name,
    Located<string>? JndiName,
    Located<string>? Url,
    Located<string>? Driver,
    Located<string>? User,
    Secret? Password,
    Located<string>? TestOnBorrow,
    Located<string>? ValidationQuery,
    Located<string>? ValidationInterval)
{
    public JdbcUrl? ParsedUrl { get; } = Url is null ? null : JdbcUrl.Parse(Url.Value);
}

/// <summary>Where a database is: engine, machine (see <see cref="Deployment.MachineOf(Node, string)"/>), port and name.</summary>
public sealed record DatabaseAddress(string Engine, string? Machine, int? Port, string? Database);

using ApimLint.Syntax.Xml;

namespace ApimLint.Model;

/// <summary>The user store of user-mgt.xml: the realm's dataSource property and its admin user.</summary>
public sealed record UserStoreConfig(XmlElementSyntax Realm, Located<string>? DataSource, Located<string>? AdminUserName, Secret? AdminPassword);

/// <summary>carbon.xml's primary KeyStore.</summary>
public sealed record KeyStoreConfig(XmlElementSyntax Element, Located<string>? Location, Secret? Password, Secret? KeyPassword);

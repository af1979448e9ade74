using ApimLint.Syntax.Xml;

namespace ApimLint.Model;

/// <summary>An API Gateway environment of api-manager.xml with its ServerURL as written and resolved for its node.</summary>
public sealed record GatewayEnvironment(XmlElementSyntax Element, Located<string> Name, Located<string>? ServerUrl, string? ResolvedServerUrl);

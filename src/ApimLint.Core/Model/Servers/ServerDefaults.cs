namespace ApimLint.Model.Servers;

/// <summary>
/// The defaults the API-M 3.x/4.x configuration mapper applies for keys a deployment.toml does not write, for the keys the
/// rules read. From carbon-apimgt's org.wso2.carbon.apimgt.core.default.json and carbon-kernel's defaults; <c>${…}</c> are
/// Carbon's own placeholders, filled in when the node starts.
/// </summary>
public static class ServerDefaults
{
    private static readonly Dictionary<string, string> Values = new(StringComparer.Ordinal)
    {
        ["server.offset"] = "0",
        ["server.hostname"] = "localhost",
        ["apim.cache_invalidation.enabled"] = "false",
        ["apim.event_hub.enable"] = "true",
        ["apim.devportal.url"] = "https://localhost:${mgt.transport.https.port}/devportal",
        ["apim.key_manager.service_url"] = "https://localhost:${mgt.transport.https.port}${carbon.context}services/",
        ["apim.throttling.service_url"] = "https://localhost:${mgt.transport.https.port}${carbon.context}services/",
    };

    private static readonly Dictionary<string, string[]> Arrays = new(StringComparer.Ordinal)
    {
        ["apim.sync_runtime_artifacts.gateway.gateway_labels"] = ["Default"],
        // jndi.properties.j2: without the key, the node subscribes to its own broker.
        ["apim.throttling.throttle_decision_endpoints"] = ["tcp://${carbon.local.ip}:${jms.port}"],
    };

    public static string? Scalar(string path) => Values.GetValueOrDefault(path);

    public static IReadOnlyList<string>? Array(string path) => Arrays.GetValueOrDefault(path);
}

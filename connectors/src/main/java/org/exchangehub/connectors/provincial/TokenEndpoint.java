package org.exchangehub.connectors.provincial;

import java.net.URI;

/**
 * A provincial system's OAuth2 token endpoint and the hub's client credentials there (client_credentials grant,
 * credentials in the form body).
 *
 * @param component         the connector's Camel HTTP component (its timeouts apply to the token request too)
 * @param scope             may be null
 * @param responseTimeoutMs for the error detail of a timed-out token request
 */
public record TokenEndpoint(String connectorId, String component, URI tokenUrl, String clientId, String clientSecret, String scope,
                            int responseTimeoutMs) {

    /** Exchange property carrying the endpoint into the token route. */
    public static final String PROPERTY = "hub.tokenEndpoint";

    /** Never with the secret. */
    @Override
    public String toString() {
        return "TokenEndpoint[connectorId=" + connectorId + ", tokenUrl=" + tokenUrl + ", clientId=" + clientId + ", clientSecret=******"
                + ", scope=" + scope + "]";
    }
}

package org.exchangehub.connectors;

import java.util.Map;
import org.exchangehub.connectors.provincial.TokenEndpoint;
import org.exchangehub.connectors.resilience.ResilienceSettings;

/**
 * One call as {@link ConnectorClient} carries it out: the family route, the call, what that route needs besides
 * (e.g. the national gateway's credentials, a SOAP operation), and what goes around it.
 *
 * @param endpoint   the family route, e.g. {@code direct:selfbuilt-rest}
 * @param properties further exchange properties for the route, by name
 * @param token      where the provider's access tokens come from; null when it needs none
 * @param idempotent whether the operation may be tried again after a failure
 */
public record ConnectorRequest(String endpoint, ConnectorCall call, Map<String, Object> properties, TokenEndpoint token,
                               boolean idempotent, ResilienceSettings resilience) {

    public ConnectorRequest {
        properties = Map.copyOf(properties);
    }
}

package org.exchangehub.connectors.provincial;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpMethods;
import org.exchangehub.connectors.BearerToken;
import org.exchangehub.connectors.ConnectorErrorHandling;
import org.exchangehub.connectors.ProviderHttp;
import org.exchangehub.connectors.ConnectorOutcome;
import org.springframework.stereotype.Component;

/**
 * A provincial vertical system's REST/JSON query: a GET of the configured URL with the bearer token the
 * {@link org.exchangehub.connectors.ConnectorClient} got from the system's token endpoint. Every answer comes back as
 * a {@link ConnectorOutcome} (a 401 makes the client fetch a new token and try once more).
 */
@Component
public class ProvincialRestRoute extends RouteBuilder {

    public static final String ENDPOINT = "direct:provincial-rest";
    public static final String ROUTE_ID = "provincial-rest";

    @Override
    public void configure() {
        from(ENDPOINT).routeId(ROUTE_ID).routeConfigurationId(ConnectorErrorHandling.ID)
                .process(e -> {
                    ProviderHttp.prepare(e, HttpMethods.GET);
                    e.getMessage().setHeader("Accept", "application/json");
                    BearerToken.authorize(e);
                })
                .toD(ProviderHttp.TARGET)
                .process(ProviderHttp::answered);
    }
}

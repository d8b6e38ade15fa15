package org.exchangehub.connectors.provincial;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpMethods;
import org.exchangehub.connectors.BearerToken;
import org.exchangehub.connectors.ConnectorCall;
import org.exchangehub.connectors.ConnectorErrorHandling;
import org.exchangehub.connectors.ConnectorOutcome;
import org.exchangehub.connectors.ResponseBodies;
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
                    ConnectorCall call = e.getProperty(ConnectorCall.PROPERTY, ConnectorCall.class);
                    e.getMessage().setBody(null);
                    e.getMessage().removeHeaders("*");
                    e.getMessage().setHeader(Exchange.HTTP_METHOD, HttpMethods.GET);
                    e.getMessage().setHeader(Exchange.HTTP_QUERY, call.query());
                    e.getMessage().setHeader("Accept", "application/json");
                    BearerToken.authorize(e);
                    e.setProperty("targetUri", call.component() + ":" + call.address() + "?throwExceptionOnFailure=false");
                })
                .toD("${exchangeProperty.targetUri}")
                .process(e -> e.setProperty(ConnectorOutcome.PROPERTY, new ConnectorOutcome(ConnectorOutcome.Kind.ANSWERED,
                        ResponseBodies.status(e.getMessage()),
                        ResponseBodies.text(e.getMessage()), null)));
    }
}

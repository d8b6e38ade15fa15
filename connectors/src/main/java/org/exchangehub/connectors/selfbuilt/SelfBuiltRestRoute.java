package org.exchangehub.connectors.selfbuilt;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpMethods;
import org.exchangehub.connectors.ConnectorCall;
import org.exchangehub.connectors.ConnectorErrorHandling;
import org.exchangehub.connectors.ConnectorOutcome;
import org.exchangehub.connectors.ResponseBodies;
import org.springframework.stereotype.Component;

/**
 * A city department's own REST/JSON system: a GET of the configured URL. Every answer, whatever its status, comes
 * back as a {@link ConnectorOutcome}; timeouts and broken connections through {@link ConnectorErrorHandling}.
 */
@Component
public class SelfBuiltRestRoute extends RouteBuilder {

    public static final String ENDPOINT = "direct:selfbuilt-rest";
    public static final String ROUTE_ID = "selfbuilt-rest";

    @Override
    public void configure() {
        from(ENDPOINT).routeId(ROUTE_ID).routeConfigurationId(ConnectorErrorHandling.ID)
                .process(e -> {
                    ConnectorCall call = e.getProperty(ConnectorCall.PROPERTY, ConnectorCall.class);
                    e.getMessage().setBody(null);
                    e.getMessage().removeHeaders("*");
                    // the enum camel-http asks for: a String made Camel search its type converters on every call
                    e.getMessage().setHeader(Exchange.HTTP_METHOD, HttpMethods.GET);
                    e.getMessage().setHeader(Exchange.HTTP_QUERY, call.query());
                    e.getMessage().setHeader("Accept", "application/json");
                    e.setProperty("targetUri", call.component() + ":" + call.address() + "?throwExceptionOnFailure=false");
                })
                .toD("${exchangeProperty.targetUri}")
                .process(e -> e.setProperty(ConnectorOutcome.PROPERTY, new ConnectorOutcome(ConnectorOutcome.Kind.ANSWERED,
                        ResponseBodies.status(e.getMessage()),
                        ResponseBodies.text(e.getMessage()), null)));
    }
}

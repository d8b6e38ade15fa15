package org.exchangehub.connectors.health;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpMethods;
import org.exchangehub.connectors.ConnectorErrorHandling;
import org.exchangehub.connectors.ProviderHttp;
import org.exchangehub.connectors.ConnectorOutcome;
import org.exchangehub.connectors.ResponseBodies;
import org.springframework.stereotype.Component;

/** A health probe's request: a plain GET of the probe URL through the connector's component (its timeouts). */
@Component
public class ProbeRoute extends RouteBuilder {

    public static final String ENDPOINT = "direct:connector-probe";
    public static final String ROUTE_ID = "connector-probe";

    @Override
    public void configure() {
        from(ENDPOINT).routeId(ROUTE_ID).routeConfigurationId(ConnectorErrorHandling.ID)
                .process(e -> ProviderHttp.prepare(e, HttpMethods.GET))
                .toD(ProviderHttp.TARGET)
                // only the status matters; the body is not kept
                .process(e -> e.setProperty(ConnectorOutcome.PROPERTY, new ConnectorOutcome(ConnectorOutcome.Kind.ANSWERED,
                        ResponseBodies.status(e.getMessage()), null, null)));
    }
}

package org.exchangehub.connectors.selfbuilt;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpMethods;
import org.exchangehub.connectors.ConnectorErrorHandling;
import org.exchangehub.connectors.ProviderHttp;
import org.exchangehub.connectors.ConnectorOutcome;
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
                    ProviderHttp.prepare(e, HttpMethods.GET);
                    e.getMessage().setHeader("Accept", "application/json");
                })
                .toD(ProviderHttp.TARGET)
                .process(ProviderHttp::answered);
    }
}

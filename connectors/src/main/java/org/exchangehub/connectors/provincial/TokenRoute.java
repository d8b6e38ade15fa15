package org.exchangehub.connectors.provincial;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpMethods;
import org.exchangehub.connectors.ConnectorCall;
import org.exchangehub.connectors.ConnectorErrorHandling;
import org.exchangehub.connectors.ConnectorOutcome;
import org.exchangehub.connectors.ResponseBodies;
import org.springframework.stereotype.Component;

/**
 * The token request to a provincial system's token endpoint: an OAuth2 client_credentials form POST. The answer
 * comes back as a {@link ConnectorOutcome}; {@link ProvincialTokens} reads the token out of it.
 */
@Component
public class TokenRoute extends RouteBuilder {

    public static final String ENDPOINT = "direct:provincial-token";
    public static final String ROUTE_ID = "provincial-token";

    @Override
    public void configure() {
        from(ENDPOINT).routeId(ROUTE_ID).routeConfigurationId(ConnectorErrorHandling.ID)
                .process(e -> {
                    ConnectorCall call = e.getProperty(ConnectorCall.PROPERTY, ConnectorCall.class);
                    TokenEndpoint token = e.getProperty(TokenEndpoint.PROPERTY, TokenEndpoint.class);
                    e.getMessage().removeHeaders("*");
                    e.getMessage().setHeader(Exchange.HTTP_METHOD, HttpMethods.POST);
                    e.getMessage().setHeader(Exchange.HTTP_QUERY, call.query());
                    e.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/x-www-form-urlencoded; charset=UTF-8");
                    e.getMessage().setHeader("Accept", "application/json");
                    e.getMessage().setBody(form(token));
                    e.setProperty("targetUri", call.component() + ":" + call.address() + "?throwExceptionOnFailure=false");
                })
                .toD("${exchangeProperty.targetUri}")
                .process(e -> e.setProperty(ConnectorOutcome.PROPERTY, new ConnectorOutcome(ConnectorOutcome.Kind.ANSWERED,
                        ResponseBodies.status(e.getMessage()),
                        ResponseBodies.text(e.getMessage()), null)));
    }

    static String form(TokenEndpoint token) {
        StringBuilder form = new StringBuilder("grant_type=client_credentials");
        form.append("&client_id=").append(URLEncoder.encode(token.clientId(), StandardCharsets.UTF_8));
        form.append("&client_secret=").append(URLEncoder.encode(token.clientSecret(), StandardCharsets.UTF_8));
        if (token.scope() != null && !token.scope().isBlank()) {
            form.append("&scope=").append(URLEncoder.encode(token.scope(), StandardCharsets.UTF_8));
        }
        return form.toString();
    }
}

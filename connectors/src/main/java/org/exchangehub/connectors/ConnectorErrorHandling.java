package org.exchangehub.connectors;

import java.io.IOException;
import java.net.SocketTimeoutException;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * Error handling of every connector route, written once: a timeout or a broken connection becomes an outcome the
 * hub maps to its own error (504, 502), never an exception with the provider's internals in it.
 */
@Component
public class ConnectorErrorHandling extends RouteConfigurationBuilder {

    public static final String ID = "connector-errors";

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(SocketTimeoutException.class, org.apache.hc.core5.http.ConnectionRequestTimeoutException.class)
                .handled(true)
                .process(e -> e.setProperty(ConnectorOutcome.PROPERTY, new ConnectorOutcome(ConnectorOutcome.Kind.TIMEOUT, 0, null,
                        "no answer within " + e.getProperty(ConnectorCall.PROPERTY, ConnectorCall.class).responseTimeoutMs() + " ms")))
                .end()
                .onException(IOException.class)
                .handled(true)
                .process(e -> e.setProperty(ConnectorOutcome.PROPERTY, new ConnectorOutcome(ConnectorOutcome.Kind.UNREACHABLE, 0, null,
                        e.getProperty(org.apache.camel.Exchange.EXCEPTION_CAUGHT, Exception.class).getClass().getSimpleName())))
                .end();
    }
}

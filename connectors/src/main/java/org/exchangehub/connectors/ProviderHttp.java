package org.exchangehub.connectors;

import java.net.URI;
import org.apache.camel.Exchange;
import org.apache.camel.component.http.HttpMethods;

/** The steps every HTTP family route shares: a clean request to the call's address, and the answer as an outcome. */
public final class ProviderHttp {

    /** The endpoint a route sends to, resolved per call: the connector's own HTTP component and the call's address. */
    public static final String TARGET = "${exchangeProperty.hubTargetUri}";

    private ProviderHttp() {
    }

    /**
     * Readies a request of the call: nothing of the consumer's request travels on (no body, no headers), the method
     * as the enum camel-http asks for (a String made Camel search its type converters on every call). The endpoint
     * is the provider's origin, the same for every call, and the full address goes in the {@code CamelHttpUri}
     * header: an endpoint per address would have made Camel create (and soon evict) an endpoint for every key
     * looked up, since the key is part of the path.
     */
    public static ConnectorCall prepare(Exchange e, HttpMethods method) {
        ConnectorCall call = e.getProperty(ConnectorCall.PROPERTY, ConnectorCall.class);
        e.getMessage().setBody(null);
        e.getMessage().removeHeaders("*");
        e.getMessage().setHeader(Exchange.HTTP_METHOD, method);
        e.getMessage().setHeader(Exchange.HTTP_URI, call.address());
        e.getMessage().setHeader(Exchange.HTTP_QUERY, call.query());
        URI address = URI.create(call.address());
        e.setProperty("hubTargetUri", call.component() + ":" + address.getScheme() + "://" + address.getRawAuthority()
                + "?throwExceptionOnFailure=false");
        return call;
    }

    /** Whatever the provider answered, with its status. */
    public static void answered(Exchange e) {
        e.setProperty(ConnectorOutcome.PROPERTY, new ConnectorOutcome(ConnectorOutcome.Kind.ANSWERED,
                ResponseBodies.status(e.getMessage()), ResponseBodies.text(e.getMessage()), null));
    }
}

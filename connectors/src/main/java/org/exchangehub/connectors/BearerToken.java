package org.exchangehub.connectors;

/** An access token the route sends as {@code Authorization: Bearer …}; never printed. */
public record BearerToken(String value) {

    /** Exchange property carrying the token into the route. */
    public static final String PROPERTY = "hub.bearerToken";

    /** Puts the token on the outgoing message, if the exchange carries one. */
    public static void authorize(org.apache.camel.Exchange exchange) {
        BearerToken token = exchange.getProperty(PROPERTY, BearerToken.class);
        if (token != null) {
            exchange.getMessage().setHeader("Authorization", "Bearer " + token.value());
        }
    }

    @Override
    public String toString() {
        return "BearerToken[******]";
    }
}

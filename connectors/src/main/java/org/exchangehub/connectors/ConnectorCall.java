package org.exchangehub.connectors;

/**
 * One call to a provider system. Built by the hub from a connector's configuration; the route only carries it out.
 *
 * @param component the Camel component of this connector ({@link #componentName}), which holds its timeouts
 * @param address   the provider URL without query, scheme included, e.g. {@code https://10.1.2.3:8443/api/licences/X}
 * @param query     the encoded query string, or null
 */
public record ConnectorCall(String connectorId, String operation, String component, String address, String query,
                            int responseTimeoutMs) {

    /** Exchange property carrying the call into the route. */
    public static final String PROPERTY = "hub.connectorCall";

    /** Every connector has an HTTP component of its own, so that its timeouts are its own. */
    public static String componentName(String connectorId) {
        return "connector-" + connectorId;
    }
}

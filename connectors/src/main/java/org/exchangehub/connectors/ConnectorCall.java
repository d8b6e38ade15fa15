package org.exchangehub.connectors;

/**
 * One call to a provider system. Built by the hub from a connector's configuration; the route only carries it out.
 *
 * @param component the Camel component of this connector ({@link #componentName}), which holds its timeouts
 * @param address   host, port and path, e.g. {@code 127.0.0.1:8089/api/licences/91620900MA7XXXXXXX}
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

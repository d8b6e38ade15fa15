package org.exchangehub.connectors;

/**
 * What a provider answered, or why it did not: the route never throws to its caller, it reports.
 *
 * @param status HTTP status of the provider's answer; 0 when there was none
 * @param body   the answer's body, when there was one
 */
public record ConnectorOutcome(Kind kind, int status, String body, String detail) {

    /** Exchange property carrying the outcome out of the route. */
    public static final String PROPERTY = "hub.connectorOutcome";

    public enum Kind {
        /** the provider answered (any status) */
        ANSWERED,
        /** no answer within the response timeout */
        TIMEOUT,
        /** no connection, or the connection dropped */
        UNREACHABLE
    }
}

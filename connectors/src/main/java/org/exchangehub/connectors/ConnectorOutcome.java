package org.exchangehub.connectors;

/**
 * What a provider answered, or why it did not: the route never throws to its caller, it reports.
 *
 * @param status            HTTP status of the provider's answer (for {@link Kind#FAULT} see there); 0 when there was none
 * @param body              the answer's body, when there was one
 * @param detail            why, for the hub's logs: may carry the provider's own error text, never for the consumer
 * @param retryAfterSeconds for {@link Kind#REJECTED}: when the provider may be called again; 0 otherwise
 */
public record ConnectorOutcome(Kind kind, int status, String body, String detail, int retryAfterSeconds) {

    /** Exchange property carrying the outcome out of the route. */
    public static final String PROPERTY = "hub.connectorOutcome";

    public ConnectorOutcome(Kind kind, int status, String body, String detail) {
        this(kind, status, body, detail, 0);
    }

    public enum Kind {
        /** the provider answered (any status) */
        ANSWERED,
        /**
         * the provider answered with an application fault (a SOAP Fault); status 400 when the fault blames the request
         * (faultcode Client), 500 otherwise
         */
        FAULT,
        /** no answer within the response timeout */
        TIMEOUT,
        /** no connection, or the connection dropped */
        UNREACHABLE,
        /** the provider's token endpoint gave no access token, so the provider was not called */
        TOKEN_FAILED,
        /** the connector's circuit breaker is open: the provider was not called */
        REJECTED
    }

    /** The provider was not called because its breaker is open. */
    public static ConnectorOutcome rejected(int retryAfterSeconds) {
        return new ConnectorOutcome(Kind.REJECTED, 0, null, "circuit open", Math.max(1, retryAfterSeconds));
    }

    /**
     * Whether this outcome says the provider is failing (and counts against its circuit breaker): no answer, no token,
     * or a 5xx. A 4xx, a client fault or a business error is the provider working.
     */
    public boolean isProviderFailure() {
        return switch (kind) {
            case TIMEOUT, UNREACHABLE, TOKEN_FAILED -> true;
            case ANSWERED, FAULT -> status >= 500;
            case REJECTED -> false;
        };
    }

    /**
     * Whether trying again may help: a dropped or refused connection, or a 5xx other than 501. Not a timeout (the
     * consumer has already waited the full response timeout, and a slow provider is not helped by more load), not a
     * fault (the provider gave its answer).
     */
    public boolean isRetriable() {
        return kind == Kind.UNREACHABLE || (kind == Kind.ANSWERED && status >= 500 && status != 501);
    }
}

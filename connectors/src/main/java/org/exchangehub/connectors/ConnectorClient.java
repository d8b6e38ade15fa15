package org.exchangehub.connectors;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.exchangehub.connectors.provincial.ProvincialTokens;
import org.exchangehub.connectors.provincial.TokenUnavailableException;
import org.exchangehub.connectors.resilience.ConnectorResilience;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends a call to its family route with what every connector has around it: the circuit breaker and retries
 * ({@link ConnectorResilience}) and, for a provider behind a token endpoint, a bearer token that is fetched once,
 * reused, and replaced once when the provider answers 401. Failures are logged here with their detail (the
 * provider's own error text stays in the hub's log); the caller gets the outcome.
 */
@Component
public class ConnectorClient {

    private static final Logger log = LoggerFactory.getLogger(ConnectorClient.class);

    private final ProducerTemplate camel;
    private final ConnectorResilience resilience;
    private final ProvincialTokens tokens;

    public ConnectorClient(ProducerTemplate camel, ConnectorResilience resilience, ProvincialTokens tokens) {
        this.camel = camel;
        this.resilience = resilience;
        this.tokens = tokens;
    }

    public ConnectorOutcome send(ConnectorRequest request) {
        ConnectorOutcome outcome = resilience.call(request.call().connectorId(), request.resilience(), request.idempotent(),
                () -> once(request));
        if (outcome.isProviderFailure() || outcome.kind() == ConnectorOutcome.Kind.FAULT
                || (outcome.kind() == ConnectorOutcome.Kind.ANSWERED && (outcome.status() == 401 || outcome.status() == 403))) {
            log.warn("Connector {} operation {}: {}{}{}", request.call().connectorId(), request.call().operation(), outcome.kind(),
                    outcome.status() == 0 ? "" : " HTTP " + outcome.status(), outcome.detail() == null ? "" : " (" + withoutIdentifiers(outcome.detail()) + ")");
        }
        return outcome;
    }

    private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile("[0-9A-Za-z]*\\d{6,}[0-9A-Za-z]*");

    /**
     * A provider's message (a SOAP fault, the national gateway's {@code message}) often repeats the ID number or
     * credit code it was asked about: a word with a run of six or more digits in it is not logged.
     */
    static String withoutIdentifiers(String detail) {
        return IDENTIFIER.matcher(detail).replaceAll("***");
    }

    /** One try, with a fresh token once after a 401; no breaker, no retries. */
    ConnectorOutcome once(ConnectorRequest request) {
        if (request.token() == null) {
            return exchange(request, null);
        }
        BearerToken token;
        try {
            token = tokens.token(request.token());
        } catch (TokenUnavailableException e) {
            return new ConnectorOutcome(ConnectorOutcome.Kind.TOKEN_FAILED, 0, null, e.getMessage());
        }
        ConnectorOutcome outcome = exchange(request, token);
        if (outcome.kind() == ConnectorOutcome.Kind.ANSWERED && outcome.status() == 401) {
            // revoked, or expired before its time: the provider did nothing, so one more try with a new token is safe
            tokens.invalidate(request.token().connectorId(), token);
            try {
                token = tokens.token(request.token());
            } catch (TokenUnavailableException e) {
                return new ConnectorOutcome(ConnectorOutcome.Kind.TOKEN_FAILED, 0, null, e.getMessage());
            }
            outcome = exchange(request, token);
        }
        return outcome;
    }

    private ConnectorOutcome exchange(ConnectorRequest request, BearerToken token) {
        Exchange exchange = new DefaultExchange(camel.getCamelContext());
        exchange.setProperty(ConnectorCall.PROPERTY, request.call());
        request.properties().forEach(exchange::setProperty);
        if (token != null) {
            exchange.setProperty(BearerToken.PROPERTY, token);
        }
        Exchange done = camel.send(request.endpoint(), exchange);
        ConnectorOutcome outcome = done.getProperty(ConnectorOutcome.PROPERTY, ConnectorOutcome.class);
        if (outcome == null) {
            throw new ConnectorException("route " + request.endpoint() + " gave no outcome ("
                    + (done.getException() == null ? "no exception" : done.getException().getClass().getSimpleName()) + ")");
        }
        return outcome;
    }
}

package org.exchangehub.connectors.provincial;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.exchangehub.connectors.BearerToken;
import org.exchangehub.connectors.ConnectorCall;
import org.exchangehub.connectors.ConnectorOutcome;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Access tokens of provincial systems, one per connector: fetched from the token endpoint when needed, kept until
 * shortly before {@code expires_in} runs out, dropped when the provider refuses them. One fetch at a time per
 * connector: callers that arrive while a fetch is under way wait for it and take its token, or its failure, rather
 * than each asking the endpoint again. Tokens are never logged; errors name what went wrong, never a token or a secret.
 */
@Component
public class ProvincialTokens {

    /** Lifetime assumed when the endpoint gives no {@code expires_in}: short, a 401 replaces a token anyway. */
    static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);
    /** A token is replaced this long before it expires (at most; a tenth of the lifetime for short-lived tokens). */
    static final Duration MAX_MARGIN = Duration.ofSeconds(30);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A token as the endpoint issued it. */
    record Issued(String accessToken, Duration lifetime) {

        @Override
        public String toString() {
            return "Issued[******, lifetime=" + lifetime + "]";
        }
    }

    /** Asks the token endpoint for a token. */
    @FunctionalInterface
    interface Fetcher {
        Issued fetch(TokenEndpoint endpoint) throws TokenUnavailableException;
    }

    private record Cached(BearerToken token, Instant refreshAt) {
    }

    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock();
        /** fetches finished, so that a caller who waited for the lock can tell that someone fetched meanwhile */
        volatile long fetches;
        volatile Cached cached;
        volatile String lastFailure;
    }

    private final Fetcher fetcher;
    private final Clock clock;
    private final ConcurrentMap<String, Slot> slots = new ConcurrentHashMap<>();

    /** With the application's {@link Clock} bean if there is one (tests move time), else the system clock. */
    @Autowired
    public ProvincialTokens(ProducerTemplate camel, ObjectProvider<Clock> clock) {
        this(endpoint -> fetchThroughCamel(camel, endpoint), clock.getIfAvailable(Clock::systemUTC));
    }

    ProvincialTokens(Fetcher fetcher, Clock clock) {
        this.fetcher = fetcher;
        this.clock = clock;
    }

    /** A valid token for the connector: the cached one, or a new one from the token endpoint. */
    public BearerToken token(TokenEndpoint endpoint) throws TokenUnavailableException {
        Slot slot = slots.computeIfAbsent(endpoint.connectorId(), id -> new Slot());
        Cached cached = slot.cached;
        if (fresh(cached)) {
            return cached.token();
        }
        long seen = slot.fetches;
        slot.lock.lock();
        try {
            cached = slot.cached;
            if (fresh(cached)) {
                return cached.token();
            }
            if (slot.fetches != seen && slot.lastFailure != null) {
                // the fetch we waited for has just failed: share its answer instead of queueing on a failing endpoint
                throw new TokenUnavailableException(slot.lastFailure);
            }
            try {
                Issued issued = fetcher.fetch(endpoint);
                Duration margin = issued.lifetime().dividedBy(10).compareTo(MAX_MARGIN) < 0 ? issued.lifetime().dividedBy(10) : MAX_MARGIN;
                Cached fresh = new Cached(new BearerToken(issued.accessToken()), clock.instant().plus(issued.lifetime()).minus(margin));
                slot.cached = fresh;
                slot.lastFailure = null;
                return fresh.token();
            } catch (TokenUnavailableException e) {
                slot.lastFailure = e.getMessage();
                throw e;
            } finally {
                slot.fetches = slot.fetches + 1; // under the lock
            }
        } finally {
            slot.lock.unlock();
        }
    }

    /** The provider refused this token: forget it, unless another caller has already replaced it. */
    public void invalidate(String connectorId, BearerToken refused) {
        Slot slot = slots.get(connectorId);
        if (slot == null) {
            return;
        }
        slot.lock.lock();
        try {
            if (slot.cached != null && slot.cached.token().equals(refused)) {
                slot.cached = null;
            }
        } finally {
            slot.lock.unlock();
        }
    }

    private boolean fresh(Cached cached) {
        return cached != null && clock.instant().isBefore(cached.refreshAt());
    }

    private static Issued fetchThroughCamel(ProducerTemplate camel, TokenEndpoint endpoint) throws TokenUnavailableException {
        Exchange exchange = new DefaultExchange(camel.getCamelContext());
        String url = endpoint.tokenUrl().toString();
        int q = url.indexOf('?');
        // the token URL's own query goes as the HTTP query: in the endpoint URI Camel would read it as options
        exchange.setProperty(ConnectorCall.PROPERTY, new ConnectorCall(endpoint.connectorId(), "token", endpoint.component(),
                q < 0 ? url : url.substring(0, q), q < 0 ? null : url.substring(q + 1), endpoint.responseTimeoutMs()));
        exchange.setProperty(TokenEndpoint.PROPERTY, endpoint);
        Exchange done = camel.send(TokenRoute.ENDPOINT, exchange);
        ConnectorOutcome outcome = done.getProperty(ConnectorOutcome.PROPERTY, ConnectorOutcome.class);
        if (outcome == null) {
            throw new TokenUnavailableException("the token request failed ("
                    + (done.getException() == null ? "no outcome" : done.getException().getClass().getSimpleName()) + ")");
        }
        return switch (outcome.kind()) {
            case TIMEOUT -> throw new TokenUnavailableException("the token endpoint gave " + outcome.detail());
            case UNREACHABLE -> throw new TokenUnavailableException("the token endpoint could not be reached (" + outcome.detail() + ")");
            default -> {
                if (outcome.status() != 200) {
                    throw new TokenUnavailableException("the token endpoint answered HTTP " + outcome.status());
                }
                yield parse(outcome.body());
            }
        };
    }

    /** Reads an OAuth2 token response: {@code access_token}, {@code token_type} (bearer if given), {@code expires_in}. */
    static Issued parse(String body) throws TokenUnavailableException {
        JsonNode answer;
        try {
            answer = JSON.readTree(body == null ? "" : body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new TokenUnavailableException("the token endpoint answered no JSON");
        }
        if (answer == null || !answer.path("access_token").isTextual() || answer.path("access_token").asText().isBlank()) {
            throw new TokenUnavailableException("the token endpoint answered no access_token");
        }
        String type = answer.path("token_type").asText("Bearer");
        if (!type.equalsIgnoreCase("bearer")) {
            throw new TokenUnavailableException("the token endpoint issued a token of type '"
                    + (type.length() > 20 ? type.substring(0, 20) + "…" : type) + "', not a bearer token");
        }
        long expiresIn = answer.path("expires_in").asLong(-1); // a number, or a number in a string
        return new Issued(answer.path("access_token").asText(), expiresIn > 0 ? Duration.ofSeconds(expiresIn) : DEFAULT_LIFETIME);
    }
}

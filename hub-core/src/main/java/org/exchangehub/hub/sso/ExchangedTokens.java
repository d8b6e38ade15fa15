package org.exchangehub.hub.sso;

import java.time.Duration;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Tokens exchanged for a (Keycloak session, system), reused until {@code hub.sso.exchange-cache-margin} before they
 * expire, so opening the same system again does not cost another exchange. Local to each node (a token is small and a
 * miss only costs an exchange); dropped for a session when it logs out.
 */
public class ExchangedTokens {

    private final Cache<String, TokenExchange.IssuedToken> cache = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(30)).build();
    private final Duration margin;
    private final SsoClock clock;
    private final Counter hits;
    private final Counter misses;

    public ExchangedTokens(Duration margin, SsoClock clock, MeterRegistry meters) {
        this.margin = margin;
        this.clock = clock;
        this.hits = Counter.builder("hub.sso.exchange.cache").tag("result", "hit").register(meters);
        this.misses = Counter.builder("hub.sso.exchange.cache").tag("result", "miss").register(meters);
    }

    /** The cached token for the session and system if it is still good for a while, else a fresh one from {@code exchange}. */
    public TokenExchange.IssuedToken get(String sessionId, String systemId, Supplier<TokenExchange.IssuedToken> exchange) {
        if (margin.isZero() || sessionId == null) {
            misses.increment();
            return exchange.get();
        }
        String key = sessionId + " " + systemId;
        TokenExchange.IssuedToken cached = cache.getIfPresent(key);
        if (cached != null && clock.instant().isBefore(cached.expiresAt().minus(margin))) {
            hits.increment();
            return cached;
        }
        misses.increment();
        TokenExchange.IssuedToken fresh = exchange.get();
        cache.put(key, fresh);
        return fresh;
    }

    /** Forgets every token of a Keycloak session. */
    public void forgetSession(String sessionId) {
        cache.asMap().keySet().removeIf(k -> k.startsWith(sessionId + " "));
    }

    /** Forgets everything (benchmarks measure the uncached path with it). */
    public void clear() {
        cache.invalidateAll();
    }
}

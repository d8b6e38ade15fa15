package org.exchangehub.hub.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens that passed verification until they expire. A consuming system sends the same client-credentials
 * token for its whole life (minutes), and checking its RS256 signature and claims again on every call was 8 % of a
 * gateway call's CPU. Only verified tokens are kept, never longer than their {@code exp} nor than {@link #MAX_AGE};
 * a failed token is checked in full every time.
 */
final class VerifiedTokenCache implements JwtDecoder {

    static final Duration MAX_AGE = Duration.ofMinutes(5);
    static final long MAX_TOKENS = 20_000;

    private final JwtDecoder verifier;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    VerifiedTokenCache(JwtDecoder verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(MAX_TOKENS).expireAfter(new Expiry<String, Jwt>() {
            @Override
            public long expireAfterCreate(String token, Jwt jwt, long currentTime) {
                return remainingNanos(jwt);
            }

            @Override
            public long expireAfterUpdate(String token, Jwt jwt, long currentTime, long currentDuration) {
                return remainingNanos(jwt);
            }

            @Override
            public long expireAfterRead(String token, Jwt jwt, long currentTime, long currentDuration) {
                return currentDuration;
            }
        }).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = verified.getIfPresent(token);
        if (jwt != null && (jwt.getExpiresAt() == null || clock.instant().isBefore(jwt.getExpiresAt()))) {
            return jwt;
        }
        jwt = verifier.decode(token);
        verified.put(token, jwt);
        return jwt;
    }

    private long remainingNanos(Jwt jwt) {
        Instant now = clock.instant();
        Duration left = jwt.getExpiresAt() == null ? MAX_AGE : Duration.between(now, jwt.getExpiresAt());
        return Math.max(0, Math.min(left.toNanos(), MAX_AGE.toNanos()));
    }
}

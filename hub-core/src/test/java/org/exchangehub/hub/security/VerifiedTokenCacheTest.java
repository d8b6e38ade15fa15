package org.exchangehub.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokenCacheTest {

    static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");

    /** Counts its verifications; "good-…" tokens expire at NOW + 60 s, anything else fails. */
    static final class CountingVerifier implements JwtDecoder {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Jwt decode(String token) {
            calls.incrementAndGet();
            if (!token.startsWith("good")) {
                throw new BadJwtException("bad signature");
            }
            return Jwt.withTokenValue(token).header("alg", "RS256").subject("estate").issuedAt(NOW).expiresAt(NOW.plusSeconds(60)).build();
        }
    }

    static final class MovableClock extends Clock {
        Instant now = NOW;

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void verifiesAGoodTokenOnceWhileItIsValid() {
        CountingVerifier verifier = new CountingVerifier();
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, new MovableClock());

        for (int i = 0; i < 5; i++) {
            assertThat(cache.decode("good-1").getSubject()).isEqualTo("estate");
        }

        assertThat(verifier.calls).hasValue(1);
    }

    @Test
    void checksAFailedTokenInFullEveryTime() {
        CountingVerifier verifier = new CountingVerifier();
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, new MovableClock());

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
        }

        assertThat(verifier.calls).hasValue(3);
    }

    @Test
    void anExpiredTokenIsVerifiedAgainNotServedFromMemory() {
        CountingVerifier verifier = new CountingVerifier();
        MovableClock clock = new MovableClock();
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, clock);
        cache.decode("good-2");

        clock.now = NOW.plus(Duration.ofSeconds(61));
        cache.decode("good-2");

        assertThat(verifier.calls).as("past exp the verifier decides again").hasValue(2);
    }
}

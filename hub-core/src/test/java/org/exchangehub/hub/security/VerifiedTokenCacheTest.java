package org.exchangehub.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.exchangehub.hub.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokenCacheTest {

    /** Tokens are issued now; the test's clock starts now too. */
    static final Instant NOW = Instant.now();

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

    @Test
    void verifiesAGoodTokenOnceWhileItIsValid() {
        CountingVerifier verifier = new CountingVerifier();
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, new MutableClock());

        for (int i = 0; i < 5; i++) {
            assertThat(cache.decode("good-1").getSubject()).isEqualTo("estate");
        }

        assertThat(verifier.calls).hasValue(1);
    }

    @Test
    void checksAFailedTokenInFullEveryTime() {
        CountingVerifier verifier = new CountingVerifier();
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, new MutableClock());

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
        }

        assertThat(verifier.calls).hasValue(3);
    }

    @Test
    void anExpiredTokenIsVerifiedAgainNotServedFromMemory() {
        CountingVerifier verifier = new CountingVerifier();
        MutableClock clock = new MutableClock();
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, clock);
        cache.decode("good-2");

        clock.advance(Duration.ofSeconds(61));
        cache.decode("good-2");

        assertThat(verifier.calls).as("past exp the verifier decides again").hasValue(2);
    }
}

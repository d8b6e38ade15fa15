package org.exchangehub.connectors.provincial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.exchangehub.connectors.BearerToken;
import org.exchangehub.connectors.resilience.MutableClock;
import org.junit.jupiter.api.Test;

class ProvincialTokensTest {

    static final TokenEndpoint ENDPOINT = new TokenEndpoint("estate", "connector-estate", URI.create("http://127.0.0.1:9/oauth/token"),
            "jiuquan-hub", "s3cret-Client", "query", 800);

    final MutableClock clock = new MutableClock();
    final AtomicInteger fetches = new AtomicInteger();

    /** Issues token-1, token-2, … with the given lifetime. */
    ProvincialTokens.Fetcher issuing(Duration lifetime) {
        return endpoint -> new ProvincialTokens.Issued("token-" + fetches.incrementAndGet(), lifetime);
    }

    @Test
    void tokenIsFetchedOnceAndReused() throws Exception {
        ProvincialTokens tokens = new ProvincialTokens(issuing(Duration.ofHours(1)), clock);
        assertThat(tokens.token(ENDPOINT).value()).isEqualTo("token-1");
        clock.advance(Duration.ofMinutes(30));
        assertThat(tokens.token(ENDPOINT).value()).isEqualTo("token-1");
        assertThat(fetches).hasValue(1);
    }

    @Test
    void tokenIsReplacedShortlyBeforeItExpires() throws Exception {
        ProvincialTokens tokens = new ProvincialTokens(issuing(Duration.ofSeconds(300)), clock);
        tokens.token(ENDPOINT);
        clock.advance(Duration.ofSeconds(269));
        assertThat(tokens.token(ENDPOINT).value()).as("30 s before expiry it is still used").isEqualTo("token-1");
        clock.advance(Duration.ofSeconds(2));
        assertThat(tokens.token(ENDPOINT).value()).isEqualTo("token-2");

        ProvincialTokens shortLived = new ProvincialTokens(issuing(Duration.ofSeconds(60)), clock);
        BearerToken first = shortLived.token(ENDPOINT);
        clock.advance(Duration.ofSeconds(53));
        assertThat(shortLived.token(ENDPOINT)).as("a tenth of a short lifetime is the margin").isEqualTo(first);
        clock.advance(Duration.ofSeconds(2));
        assertThat(shortLived.token(ENDPOINT)).isNotEqualTo(first);
    }

    @Test
    void refusedTokenIsReplacedButANewerOneIsKept() throws Exception {
        ProvincialTokens tokens = new ProvincialTokens(issuing(Duration.ofHours(1)), clock);
        BearerToken refused = tokens.token(ENDPOINT);
        tokens.invalidate(ENDPOINT.connectorId(), refused);
        BearerToken fresh = tokens.token(ENDPOINT);
        assertThat(fresh.value()).isEqualTo("token-2");
        // a second caller that was refused with the old token must not throw the new one away
        tokens.invalidate(ENDPOINT.connectorId(), refused);
        assertThat(tokens.token(ENDPOINT)).isEqualTo(fresh);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void connectorsHaveTokensOfTheirOwn() throws Exception {
        ProvincialTokens tokens = new ProvincialTokens(endpoint -> new ProvincialTokens.Issued(endpoint.connectorId() + "-token",
                Duration.ofHours(1)), clock);
        TokenEndpoint other = new TokenEndpoint("tax", "connector-tax", ENDPOINT.tokenUrl(), "c", "s", null, 800);
        assertThat(tokens.token(ENDPOINT).value()).isEqualTo("estate-token");
        assertThat(tokens.token(other).value()).isEqualTo("tax-token");
    }

    @Test
    void concurrentCallersShareOneFetch() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ProvincialTokens tokens = new ProvincialTokens(endpoint -> {
            fetches.incrementAndGet();
            await(release);
            return new ProvincialTokens.Issued("shared", Duration.ofHours(1));
        }, clock);
        List<Future<BearerToken>> callers = startCallers(tokens, 8, release);
        for (Future<BearerToken> caller : callers) {
            assertThat(caller.get(10, TimeUnit.SECONDS).value()).isEqualTo("shared");
        }
        assertThat(fetches).hasValue(1);
    }

    @Test
    void failedFetchIsSharedWithTheCallersWhoWaitedForIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ProvincialTokens tokens = new ProvincialTokens(endpoint -> {
            fetches.incrementAndGet();
            await(release);
            throw new TokenUnavailableException("the token endpoint answered HTTP 503");
        }, clock);
        List<Future<BearerToken>> callers = startCallers(tokens, 8, release);
        for (Future<BearerToken> caller : callers) {
            assertThatThrownBy(() -> caller.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(TokenUnavailableException.class)
                    .hasMessageContaining("HTTP 503");
        }
        assertThat(fetches).as("one request to a failing endpoint, not one per waiting caller").hasValue(1);
        // a later call tries again
        assertThatThrownBy(() -> tokens.token(ENDPOINT)).isInstanceOf(TokenUnavailableException.class);
        assertThat(fetches).hasValue(2);
    }

    /** Starts callers; releases the fetch once every caller is inside {@code token(...)}, the later ones parked on its lock. */
    List<Future<BearerToken>> startCallers(ProvincialTokens tokens, int count, CountDownLatch release) {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        List<Thread> threads = new ArrayList<>();
        List<Future<BearerToken>> callers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            callers.add(pool.submit(() -> {
                synchronized (threads) {
                    threads.add(Thread.currentThread());
                }
                return tokens.token(ENDPOINT);
            }));
        }
        // truly concurrent: wait until one caller is fetching and the others are parked waiting for it
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            synchronized (threads) {
                return threads.size() == count && fetches.get() == 1
                        && threads.stream().filter(t -> t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING)
                                .count() == count;
            }
        });
        release.countDown();
        pool.shutdown();
        return callers;
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void tokenResponsesAreReadStrictly() throws Exception {
        ProvincialTokens.Issued issued = ProvincialTokens.parse("{\"access_token\":\"abc\",\"token_type\":\"bearer\",\"expires_in\":\"7200\"}");
        assertThat(issued.accessToken()).isEqualTo("abc");
        assertThat(issued.lifetime()).isEqualTo(Duration.ofHours(2));
        assertThat(issued.toString()).doesNotContain("abc");
        assertThat(ProvincialTokens.parse("{\"access_token\":\"abc\"}").lifetime()).isEqualTo(ProvincialTokens.DEFAULT_LIFETIME);
        assertThatThrownBy(() -> ProvincialTokens.parse("<html>")).hasMessageContaining("no JSON");
        assertThatThrownBy(() -> ProvincialTokens.parse("{\"error\":\"invalid_client\"}")).hasMessageContaining("no access_token");
        assertThatThrownBy(() -> ProvincialTokens.parse("{\"access_token\":\"abc\",\"token_type\":\"mac\"}"))
                .hasMessageContaining("not a bearer token");
    }

    @Test
    void neitherSecretNorTokenIsPrinted() throws Exception {
        assertThat(ENDPOINT.toString()).doesNotContain("s3cret-Client").contains("jiuquan-hub");
        ProvincialTokens tokens = new ProvincialTokens(issuing(Duration.ofHours(1)), clock);
        assertThat(tokens.token(ENDPOINT).toString()).doesNotContain("token-1");
        assertThat(TokenRoute.form(ENDPOINT)).isEqualTo(
                "grant_type=client_credentials&client_id=jiuquan-hub&client_secret=s3cret-Client&scope=query");
    }
}

package org.exchangehub.connectors.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.exchangehub.connectors.ConnectorOutcome;
import org.exchangehub.connectors.ConnectorOutcome.Kind;
import org.junit.jupiter.api.Test;

class ConnectorResilienceTest {

    /** Opens after 2 failures among the last 4 calls (at least 4), 30 s open, 1 trial call, 2 tries for idempotent calls. */
    static final ResilienceSettings SMALL = new ResilienceSettings(50, 4, 4, Duration.ofSeconds(30), 1, 2, Duration.ZERO);

    final MutableClock clock = new MutableClock();
    final ConnectorResilience resilience = new ConnectorResilience(clock);

    static final ConnectorOutcome OK = new ConnectorOutcome(Kind.ANSWERED, 200, "{}", null);
    static final ConnectorOutcome BROKEN = new ConnectorOutcome(Kind.ANSWERED, 503, null, "HTTP 503");

    /** A provider that answers with the given outcome and counts its calls. */
    static final class Provider implements Supplier<ConnectorOutcome> {
        final AtomicInteger calls = new AtomicInteger();
        volatile ConnectorOutcome answer;

        Provider(ConnectorOutcome answer) {
            this.answer = answer;
        }

        @Override
        public ConnectorOutcome get() {
            calls.incrementAndGet();
            return answer;
        }
    }

    @Test
    void failingProviderOpensItsBreakerAndIsNoLongerCalled() {
        Provider provider = new Provider(BROKEN);
        for (int i = 0; i < 4; i++) {
            assertThat(resilience.call("a", SMALL, false, provider).status()).isEqualTo(503);
        }
        assertThat(resilience.state("a")).isEqualTo(CircuitBreaker.State.OPEN);

        clock.advance(Duration.ofSeconds(10));
        ConnectorOutcome refused = resilience.call("a", SMALL, false, provider);
        assertThat(refused.kind()).isEqualTo(Kind.REJECTED);
        assertThat(refused.retryAfterSeconds()).isEqualTo(20);
        assertThat(provider.calls).hasValue(4);
    }

    @Test
    void oneConnectorsFailuresLeaveAnothersBreakerClosed() {
        Provider failing = new Provider(new ConnectorOutcome(Kind.UNREACHABLE, 0, null, "ConnectException"));
        Provider healthy = new Provider(OK);
        for (int i = 0; i < 6; i++) {
            resilience.call("failing", SMALL, false, failing);
            assertThat(resilience.call("healthy", SMALL, false, healthy).status()).isEqualTo(200);
        }
        assertThat(resilience.state("failing")).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(resilience.state("healthy")).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(healthy.calls).hasValue(6);
    }

    @Test
    void breakerHalfOpensAfterOpenForAndClosesWhenTheTrialSucceeds() {
        Provider provider = new Provider(BROKEN);
        for (int i = 0; i < 4; i++) {
            resilience.call("recovering", SMALL, false, provider);
        }
        provider.answer = OK;
        assertThat(resilience.call("recovering", SMALL, false, provider).kind()).isEqualTo(Kind.REJECTED);

        clock.advance(Duration.ofSeconds(31));
        assertThat(resilience.call("recovering", SMALL, false, provider).status()).isEqualTo(200);
        assertThat(resilience.state("recovering")).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(provider.calls).hasValue(5);
    }

    @Test
    void failedTrialCallOpensTheBreakerAgain() {
        Provider provider = new Provider(BROKEN);
        for (int i = 0; i < 4; i++) {
            resilience.call("relapsing", SMALL, false, provider);
        }
        clock.advance(Duration.ofSeconds(31));
        assertThat(resilience.call("relapsing", SMALL, false, provider).status()).isEqualTo(503);
        assertThat(resilience.state("relapsing")).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(resilience.call("relapsing", SMALL, false, provider).retryAfterSeconds()).isEqualTo(30);
    }

    @Test
    void clientErrorsAndTimeoutsCountDifferently() {
        Provider notFound = new Provider(new ConnectorOutcome(Kind.ANSWERED, 404, null, null));
        for (int i = 0; i < 8; i++) {
            resilience.call("lookups", SMALL, true, notFound);
        }
        assertThat(resilience.state("lookups")).as("a 404 is the provider working").isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(notFound.calls).as("and is not retried").hasValue(8);

        Provider slow = new Provider(new ConnectorOutcome(Kind.TIMEOUT, 0, null, "no answer within 800 ms"));
        for (int i = 0; i < 4; i++) {
            resilience.call("slow", SMALL, true, slow);
        }
        assertThat(resilience.state("slow")).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(slow.calls).as("timeouts are not retried: the consumer's wait stays one timeout").hasValue(4);
    }

    @Test
    void idempotentCallThatFailsOnceIsRetriedAndSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        ConnectorOutcome outcome = resilience.call("retrying", SMALL, true,
                () -> calls.incrementAndGet() == 1 ? new ConnectorOutcome(Kind.UNREACHABLE, 0, null, "SocketException") : OK);
        assertThat(outcome.status()).isEqualTo(200);
        assertThat(calls).hasValue(2);
    }

    @Test
    void nonIdempotentCallIsNotRetried() {
        Provider provider = new Provider(BROKEN);
        assertThat(resilience.call("posting", SMALL, false, provider).status()).isEqualTo(503);
        assertThat(provider.calls).hasValue(1);
    }

    @Test
    void retriesStopAtTheConfiguredAttempts() {
        Provider provider = new Provider(BROKEN);
        ResilienceSettings three = new ResilienceSettings(50, 100, 100, Duration.ofSeconds(30), 1, 3, Duration.ofMillis(1));
        assertThat(resilience.call("bounded", three, true, provider).status()).isEqualTo(503);
        assertThat(provider.calls).hasValue(3);
    }

    @Test
    void aFaultOfTheHubIsNotCountedAgainstTheProvider() {
        for (int i = 0; i < 6; i++) {
            assertThatThrownBy(() -> resilience.call("buggy", SMALL, true, () -> {
                throw new IllegalStateException("hub bug");
            })).isInstanceOf(IllegalStateException.class);
        }
        assertThat(resilience.state("buggy")).isEqualTo(CircuitBreaker.State.CLOSED);
    }
}

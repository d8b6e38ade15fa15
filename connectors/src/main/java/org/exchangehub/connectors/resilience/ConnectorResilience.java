package org.exchangehub.connectors.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.exchangehub.connectors.ConnectorOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * A circuit breaker per connector id, so one failing provider never opens another's, and retries of idempotent
 * operations. Failures are what {@link ConnectorOutcome#isProviderFailure()} says (no answer, no token, 5xx); each
 * try, retries included, is recorded. An open breaker answers at once with {@link ConnectorOutcome.Kind#REJECTED}
 * and the seconds until trial calls are let through again; the provider is not called.
 *
 * <p>The consumer's wait is bounded: at most {@code retryAttempts} tries (configuration allows 3), each bounded by
 * the connector's connect and response timeouts, plus {@code retryAttempts - 1} backoff pauses. Timeouts are not
 * retried, so a slow provider costs the consumer one response timeout, not several.
 *
 * <p>Breakers live in this node's memory: each hub node judges its providers by its own calls.
 */
@Component
public class ConnectorResilience {

    private static final Logger log = LoggerFactory.getLogger(ConnectorResilience.class);

    /** What the breaker is told for a failed call; never thrown. */
    private static final RuntimeException PROVIDER_FAILURE = new RuntimeException("provider failure", null, false, false) { };

    private final Clock clock;
    private final ConcurrentMap<String, Guard> guards = new ConcurrentHashMap<>();

    private record Guard(CircuitBreaker breaker, Duration openFor, AtomicReference<Instant> openUntil) {
    }

    /** With the application's {@link Clock} bean if there is one (tests move time), else the system clock. */
    @Autowired
    public ConnectorResilience(ObjectProvider<Clock> clock) {
        this(clock.getIfAvailable(Clock::systemUTC));
    }

    public ConnectorResilience(Clock clock) {
        this.clock = clock;
    }

    /**
     * Tries {@code attempt} through the connector's breaker: once, or for an idempotent operation up to
     * {@code retryAttempts} times while the outcome is {@link ConnectorOutcome#isRetriable() retriable}.
     */
    public ConnectorOutcome call(String connectorId, ResilienceSettings settings, boolean idempotent, Supplier<ConnectorOutcome> attempt) {
        Guard guard = guard(connectorId, settings);
        int attempts = idempotent ? Math.max(1, settings.retryAttempts()) : 1;
        ConnectorOutcome outcome = null;
        for (int tried = 0; tried < attempts; tried++) {
            if (tried > 0 && !pause(settings.retryBackoff())) {
                return outcome;
            }
            if (!guard.breaker().tryAcquirePermission()) {
                // a retry the breaker refuses reports the failure that happened, not the refusal
                return outcome != null ? outcome : ConnectorOutcome.rejected(retryAfterSeconds(guard));
            }
            long started = System.nanoTime();
            try {
                outcome = attempt.get();
            } catch (RuntimeException | Error e) {
                guard.breaker().releasePermission(); // the hub failed, not the provider
                throw e;
            }
            long took = System.nanoTime() - started;
            if (outcome.isProviderFailure()) {
                guard.breaker().onError(took, TimeUnit.NANOSECONDS, PROVIDER_FAILURE);
            } else {
                guard.breaker().onSuccess(took, TimeUnit.NANOSECONDS);
            }
            if (!outcome.isRetriable()) {
                return outcome;
            }
            if (tried + 1 < attempts) {
                log.debug("Connector {}: try {} of {} failed ({} {}), trying again", connectorId, tried + 1, attempts, outcome.kind(),
                        outcome.status());
            }
        }
        return outcome;
    }

    /** The breaker's state; CLOSED for a connector not called yet. */
    public CircuitBreaker.State state(String connectorId) {
        Guard guard = guards.get(connectorId);
        return guard == null ? CircuitBreaker.State.CLOSED : guard.breaker().getState();
    }

    private Guard guard(String connectorId, ResilienceSettings s) {
        return guards.computeIfAbsent(connectorId, id -> {
            CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                    .failureRateThreshold(s.failureRateThreshold())
                    .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                    .slidingWindowSize(s.slidingWindow())
                    .minimumNumberOfCalls(s.minimumCalls())
                    .waitDurationInOpenState(s.openFor())
                    .permittedNumberOfCallsInHalfOpenState(s.halfOpenCalls())
                    // half-open on the first call after open-for: no timer thread per connector
                    .automaticTransitionFromOpenToHalfOpenEnabled(false)
                    .writableStackTraceEnabled(false)
                    .clock(clock)
                    .build();
            CircuitBreaker breaker = CircuitBreaker.of("connector-" + id, config);
            Guard g = new Guard(breaker, s.openFor(), new AtomicReference<>());
            breaker.getEventPublisher().onStateTransition(event -> {
                CircuitBreaker.State to = event.getStateTransition().getToState();
                if (to == CircuitBreaker.State.OPEN) {
                    g.openUntil().set(clock.instant().plus(s.openFor()));
                    log.warn("Connector {}: circuit OPEN ({} -> OPEN, failure rate {}%); calls refused for {} s", id,
                            event.getStateTransition().getFromState(), Math.round(breaker.getMetrics().getFailureRate()),
                            s.openFor().toSeconds());
                } else {
                    log.info("Connector {}: circuit {} -> {}", id, event.getStateTransition().getFromState(), to);
                }
            });
            return g;
        });
    }

    private int retryAfterSeconds(Guard guard) {
        Instant until = guard.openUntil().get();
        if (guard.breaker().getState() != CircuitBreaker.State.OPEN || until == null) {
            return 1; // half-open with its trial calls taken: soon
        }
        long millis = Duration.between(clock.instant(), until).toMillis();
        return (int) Math.max(1, (millis + 999) / 1000);
    }

    private static boolean pause(Duration backoff) {
        if (backoff.isZero() || backoff.isNegative()) {
            return true;
        }
        try {
            Thread.sleep(backoff);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

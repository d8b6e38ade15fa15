package org.exchangehub.connectors.resilience;

import java.time.Duration;

/**
 * How one connector protects itself and its provider.
 *
 * @param failureRateThreshold percentage of failed calls among the last {@code slidingWindow} that opens the breaker
 * @param slidingWindow        how many of the latest calls the failure rate is computed over
 * @param minimumCalls         calls needed in the window before the rate counts (a single early failure opens nothing)
 * @param openFor              how long an open breaker refuses calls before letting trial calls through (half-open)
 * @param halfOpenCalls        trial calls in half-open; all succeeding closes the breaker, too many failing re-opens it
 * @param retryAttempts        tries in all for an idempotent operation (1: no retry)
 * @param retryBackoff         pause between two tries
 */
public record ResilienceSettings(int failureRateThreshold, int slidingWindow, int minimumCalls, Duration openFor, int halfOpenCalls,
                                 int retryAttempts, Duration retryBackoff) {

    public static final ResilienceSettings DEFAULTS = new ResilienceSettings(50, 10, 5, Duration.ofSeconds(30), 2, 2,
            Duration.ofMillis(200));
}

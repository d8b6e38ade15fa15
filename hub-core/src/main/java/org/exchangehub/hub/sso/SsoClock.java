package org.exchangehub.hub.sso;

import java.time.Clock;
import java.time.Instant;

/**
 * The clock of single sign-on (ticket expiry, cached exchanges), a type of its own so that it is not one more
 * {@link Clock} bean for others to trip over; tests replace the bean to move time.
 */
public record SsoClock(Clock clock) {

    public Instant instant() {
        return clock.instant();
    }
}

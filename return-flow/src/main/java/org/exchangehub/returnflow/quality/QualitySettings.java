package org.exchangehub.returnflow.quality;

import java.time.Clock;
import java.time.Duration;
import org.exchangehub.returnflow.record.WorkingDayCalendar;

/**
 * Settings shared by every source's checks.
 *
 * @param calendar        working days for deadlines
 * @param futureTolerance how far past now a time may lie before it counts as in the future (clock skew)
 * @param clock           now
 */
public record QualitySettings(WorkingDayCalendar calendar, Duration futureTolerance, Clock clock) {

    public static QualitySettings defaults() {
        return new QualitySettings(WorkingDayCalendar.weekendsOnly(), Duration.ofMinutes(5), Clock.systemUTC());
    }
}

package org.exchangehub.hub.gateway;

import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Map;
import org.exchangehub.catalog.BureauCalendar;
import org.exchangehub.catalog.ErrorCode;
import org.springframework.stereotype.Component;

/**
 * Enforces a grant's quota (calls per second and per day) across every hub node: one counter per grant lives in
 * Hazelcast and is updated atomically on the member that owns it, in one round trip per call. Days are the
 * bureau's calendar days.
 */
@Component
public class QuotaGuard {

    static final String COUNTERS = "gateway.quota";

    private final IMap<Long, long[]> counters;
    private final Clock clock;

    public QuotaGuard(HazelcastInstance hazelcast) {
        // a grant not called for two days has nothing left to count
        hazelcast.getConfig().addMapConfig(new MapConfig(COUNTERS).setMaxIdleSeconds((int) Duration.ofDays(2).toSeconds()));
        this.counters = hazelcast.getMap(COUNTERS);
        this.clock = Clock.system(BureauCalendar.ZONE);
    }

    /** Counts one call against the grant, or refuses it with the seconds to wait. */
    public void acquire(long grantId, int callsPerSecond, int callsPerDay) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        long second = now.toEpochSecond();
        long day = now.toLocalDate().toEpochDay();
        long[] counts = counters.executeOnKey(grantId, new Count(second, day, callsPerSecond));
        if (counts[0] > callsPerSecond) {
            throw new GatewayException(ErrorCode.QUOTA_EXCEEDED, "Grant " + grantId + " allows " + callsPerSecond
                    + " calls a second", 1);
        }
        if (counts[1] > callsPerDay) {
            LocalDate tomorrow = now.toLocalDate().plusDays(1);
            long wait = Duration.between(now, tomorrow.atStartOfDay(BureauCalendar.ZONE)).toSeconds() + 1;
            throw new GatewayException(ErrorCode.QUOTA_EXCEEDED, "Grant " + grantId + " allows " + callsPerDay
                    + " calls a day; the count starts again at midnight (Asia/Shanghai)", (int) wait);
        }
    }

    /**
     * Counts a call in this second and this day and returns both counts; a call refused for the second is not counted
     * against the day. The state is {second, count in it, day, count in it}. Only a later second or day starts a new
     * count: a node whose clock is a little behind adds to the current one instead of resetting it.
     */
    record Count(long second, long day, int callsPerSecond) implements EntryProcessor<Long, long[], long[]> {
        @Override
        public long[] process(Map.Entry<Long, long[]> entry) {
            long[] s = entry.getValue() == null ? new long[4] : entry.getValue().clone();
            if (second > s[0]) {
                s[0] = second;
                s[1] = 0;
            }
            if (day > s[2]) {
                s[2] = day;
                s[3] = 0;
            }
            s[1]++;
            if (s[1] <= callsPerSecond) {
                s[3]++;
            }
            entry.setValue(s);
            return new long[] {s[1], s[1] <= callsPerSecond ? s[3] : 0};
        }
    }
}

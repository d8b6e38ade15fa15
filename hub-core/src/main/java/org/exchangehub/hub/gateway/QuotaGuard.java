package org.exchangehub.hub.gateway;

import org.exchangehub.catalog.BureauCalendar;
import org.exchangehub.catalog.ErrorCode;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Map;
import org.exchangehub.catalog.grant.ShareViews.GrantView;
import org.springframework.stereotype.Component;

/**
 * Enforces a grant's quota (calls per second and per day) across every hub node: the counters live in Hazelcast
 * and are incremented atomically on the member that owns them. Days are the bureau's calendar days.
 */
@Component
public class QuotaGuard {

    static final String PER_SECOND = "gateway.quota.second";
    static final String PER_DAY = "gateway.quota.day";

    private final IMap<String, Long> perSecond;
    private final IMap<String, Long> perDay;
    private final Clock clock;

    public QuotaGuard(HazelcastInstance hazelcast) {
        // counters outlive their window only briefly
        hazelcast.getConfig().addMapConfig(new MapConfig(PER_SECOND).setTimeToLiveSeconds(5));
        hazelcast.getConfig().addMapConfig(new MapConfig(PER_DAY).setTimeToLiveSeconds((int) Duration.ofDays(2).toSeconds()));
        this.perSecond = hazelcast.getMap(PER_SECOND);
        this.perDay = hazelcast.getMap(PER_DAY);
        this.clock = Clock.system(BureauCalendar.ZONE);
    }

    /** Counts one call against the grant, or refuses it with the seconds to wait. */
    public void acquire(GrantView grant) {
        long now = clock.millis();
        long second = now / 1000;
        long thisSecond = perSecond.executeOnKey(grant.id() + ":" + second, new Increment());
        if (thisSecond > grant.callsPerSecond()) {
            throw new GatewayException(ErrorCode.QUOTA_EXCEEDED, "Grant " + grant.id() + " allows " + grant.callsPerSecond()
                    + " calls a second", 1);
        }
        ZonedDateTime today = ZonedDateTime.now(clock);
        long todayCount = perDay.executeOnKey(grant.id() + ":" + today.toLocalDate(), new Increment());
        if (todayCount > grant.callsPerDay()) {
            LocalDate tomorrow = today.toLocalDate().plusDays(1);
            long wait = Duration.between(today, tomorrow.atStartOfDay(BureauCalendar.ZONE)).toSeconds() + 1;
            throw new GatewayException(ErrorCode.QUOTA_EXCEEDED, "Grant " + grant.id() + " allows " + grant.callsPerDay()
                    + " calls a day; the count starts again at midnight (Asia/Shanghai)", (int) wait);
        }
    }

    /** Adds one and returns the new count; runs on the member owning the key, so concurrent calls never lose a count. */
    static final class Increment implements EntryProcessor<String, Long, Long> {
        @Override
        public Long process(Map.Entry<String, Long> entry) {
            long next = (entry.getValue() == null ? 0L : entry.getValue()) + 1;
            entry.setValue(next);
            return next;
        }
    }
}

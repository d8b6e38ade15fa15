package org.exchangehub.hub.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.AbstractMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The quota counter's arithmetic, as it runs on the member owning a grant's counter. */
class QuotaGuardTest {

    static long[] count(Map.Entry<Long, long[]> entry, long second, long day, int perSecond) {
        return new QuotaGuard.Count(second, day, perSecond).process(entry);
    }

    @Test
    void countsPerSecondAndPerDayAndStartsAgainInTheNextSecond() {
        Map.Entry<Long, long[]> counter = new AbstractMap.SimpleEntry<>(7L, null);

        assertThat(count(counter, 100, 20000, 2)).containsExactly(1, 1);
        assertThat(count(counter, 100, 20000, 2)).containsExactly(2, 2);
        assertThat(count(counter, 100, 20000, 2)).as("refused for the second, not counted for the day").containsExactly(3, 0);
        assertThat(count(counter, 101, 20000, 2)).containsExactly(1, 3);
        assertThat(count(counter, 101, 20001, 2)).as("a new day").containsExactly(2, 1);
    }

    @Test
    void aNodeWhoseClockIsBehindAddsToTheCurrentSecondInsteadOfResettingIt() {
        Map.Entry<Long, long[]> counter = new AbstractMap.SimpleEntry<>(7L, null);
        count(counter, 100, 20000, 3);
        count(counter, 100, 20000, 3);

        // another node, 30 ms behind, still in second 99
        assertThat(count(counter, 99, 20000, 3)).containsExactly(3, 3);
        assertThat(count(counter, 99, 20000, 3)[0]).as("over the limit across both nodes").isEqualTo(4);
    }
}

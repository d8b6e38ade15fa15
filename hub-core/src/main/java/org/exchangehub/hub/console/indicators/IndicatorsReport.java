package org.exchangehub.hub.console.indicators;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The indicators per department next to their targets, and the single sign-on availability per connected system.
 *
 * @param from       first day of the return-flow period (overdue, pass rate, timeliness)
 * @param to         last day of it
 * @param month      the month of item association
 * @param sso        null when single sign-on is not running on this hub
 */
public record IndicatorsReport(LocalDate from, LocalDate to, YearMonth month, List<DepartmentRow> departments,
                               List<SsoRow> sso) {

    /**
     * One figure: {@code value} is null when there is nothing to measure (no items, no grants, no records), which the
     * page shows as "no data", never as 0 or 100%.
     *
     * @param numerator   for a ratio, what met the condition; for a count, the count
     * @param denominator for a ratio, what was measured; for a count, null
     */
    public record Figure(Indicator indicator, Double value, Long numerator, Long denominator) {

        public static Figure ratio(Indicator indicator, long numerator, long denominator) {
            return denominator == 0 ? new Figure(indicator, null, null, null)
                    : new Figure(indicator, (double) numerator / denominator, numerator, denominator);
        }

        public static Figure count(Indicator indicator, Long count) {
            return count == null ? new Figure(indicator, null, null, null) : new Figure(indicator, count.doubleValue(), count, null);
        }

        public boolean hasData() {
            return value != null;
        }

        /** Null without data. */
        public Boolean met() {
            return value == null ? null : indicator.met(value);
        }
    }

    public record DepartmentRow(String departmentCode, String departmentName, Map<Indicator, Figure> figures) {

        public Figure figure(Indicator indicator) {
            return figures.get(indicator);
        }

        /** Indicators with data that miss their target. */
        public long missed() {
            return figures.values().stream().filter(f -> Boolean.FALSE.equals(f.met())).count();
        }
    }

    /**
     * One connected system's synthetic single sign-on checks (指标23): availability over the checks since the cluster
     * started (null before the first check), met when the last check passed.
     */
    public record SsoRow(String systemId, String name, Long checks, Double availability, Boolean lastUp, Instant lastCheckedAt) {

        public Boolean met() {
            return lastUp;
        }
    }
}

package org.exchangehub.hub.console.indicators;

/**
 * The indicators the documents measure per department (DOMAIN.md), each with its target. Ratios are met at or above
 * their target; {@link #OVERDUE} counts cases and is met at zero.
 */
public enum Indicator {
    /** 指标20: administrative-power items covered by a published entry */
    COVERAGE_ADMINISTRATIVE_POWER(1.0, false),
    /** 指标20: public-service items covered by a published entry */
    COVERAGE_PUBLIC_SERVICE(1.0, false),
    /** 应挂尽挂: published entries with a mounted resource */
    MOUNTED(1.0, false),
    /** 指标21: grants in force that have been called */
    INTERFACES_CALLED(1.0, false),
    /** 指标27: return-flow records passing the quality check */
    RETURN_FLOW_PASS_RATE(1.0, false),
    /** 指标27: completed cases whose record came back within a day of completion */
    RETURN_FLOW_TIMELY(1.0, false),
    /** 指标36–38: service items with at least one case this month */
    ITEM_ASSOCIATION(0.7, false),
    /** 指标3: cases completed after their deadline */
    OVERDUE(0, true);

    private final double target;
    private final boolean count;

    Indicator(double target, boolean count) {
        this.target = target;
        this.count = count;
    }

    public double target() {
        return target;
    }

    /** True for a count (met at zero), false for a ratio (met at or above the target). */
    public boolean isCount() {
        return count;
    }

    public String key() {
        return name().toLowerCase().replace('_', '-');
    }

    public boolean met(double value) {
        return count ? value <= target : value >= target - 1e-9;
    }
}

package org.exchangehub.returnflow.quality;

import java.time.LocalDate;

/**
 * A case completed after its deadline, for red/yellow-card supervision (红黄牌督办, 指标3).
 *
 * @param card              YELLOW past the committed deadline (承诺时限), RED past the legal one (法定时限) too
 * @param deadline          the last day of the deadline that was missed
 * @param workingDaysLate   working days between that deadline and completion
 */
public record Overdue(Card card, LocalDate deadline, int workingDaysLate) {

    public enum Card { YELLOW, RED }
}

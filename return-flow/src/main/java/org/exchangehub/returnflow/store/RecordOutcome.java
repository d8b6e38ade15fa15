package org.exchangehub.returnflow.store;

import java.time.Duration;
import java.util.List;
import org.exchangehub.returnflow.quality.Overdue;
import org.exchangehub.returnflow.quality.Reason;

/**
 * The answer for one received record.
 *
 * @param index              its position in the batch (0-based)
 * @param caseNumber         its case number, null when it has none
 * @param departmentCode     its accepting department, null when it has none
 * @param outcome            what became of it
 * @param versionKey         the version stored or matched (null for failures)
 * @param failureId          the stored failure (FAILED only): list it, fix the record and resend it
 * @param reasons            why it failed (FAILED only)
 * @param overdue            set when the case was completed late (a flag, the record is stored)
 * @param completionToArrival from its completion time to its arrival at the hub, when it has a completion time
 */
public record RecordOutcome(int index, String caseNumber, String departmentCode, Outcome outcome, String versionKey,
                            Long failureId, List<Reason> reasons, Overdue overdue, Duration completionToArrival) {
}

package org.exchangehub.returnflow.quality;

import java.util.List;
import java.util.Map;
import org.exchangehub.returnflow.record.CaseRecord;
import org.exchangehub.returnflow.record.IncomingRecord;

/**
 * A received record after mapping and checks.
 *
 * @param incoming the record as received
 * @param mapped   what the mapping gave (may lack fields); empty when unreadable
 * @param record   the standard record built from it
 * @param reasons  every failed rule, empty when the record passed
 * @param overdue  set when the case was completed late (a flag, not a failure)
 */
public record CheckedRecord(IncomingRecord incoming, Map<String, Object> mapped, CaseRecord record, List<Reason> reasons,
                            Overdue overdue) {

    public boolean passed() {
        return reasons.isEmpty();
    }

    public String caseNumber() {
        return record == null ? null : record.caseNumber();
    }
}

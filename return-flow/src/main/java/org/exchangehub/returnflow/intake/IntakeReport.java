package org.exchangehub.returnflow.intake;

import java.util.List;
import org.exchangehub.returnflow.store.Outcome;
import org.exchangehub.returnflow.store.RecordOutcome;

/** What became of a batch: one outcome per record, in the batch's order. */
public record IntakeReport(String sourceId, List<RecordOutcome> outcomes) {

    public long count(Outcome outcome) {
        return outcomes.stream().filter(o -> o.outcome() == outcome).count();
    }
}

package org.exchangehub.returnflow.intake;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.exchangehub.catalog.BureauCalendar;
import org.exchangehub.returnflow.quality.CheckedRecord;
import org.exchangehub.returnflow.quality.QualityChecks;
import org.exchangehub.returnflow.quality.QualitySettings;
import org.exchangehub.returnflow.quality.ReferenceData;
import org.exchangehub.returnflow.record.IncomingRecord;
import org.exchangehub.returnflow.source.CaseSource;
import org.exchangehub.returnflow.source.CaseSources;
import org.exchangehub.returnflow.store.CaseStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way in for every channel: a batch of one source's records is mapped, checked and stored in one
 * transaction (or in the caller's, so that a channel can commit its own progress with it, e.g. a watermark).
 */
@Service
public class CaseIntake {

    private final CaseSources sources;
    private final QualityChecks checks;
    private final CaseStore store;
    private final TransactionTemplate transaction;
    private final ObjectProvider<IntakeListener> listeners;
    private final Clock clock;

    public CaseIntake(CaseSources sources, ReferenceData reference, QualitySettings settings, CaseStore store,
                      TransactionTemplate transaction, ObjectProvider<IntakeListener> listeners) {
        this.sources = sources;
        this.checks = new QualityChecks(reference, settings);
        this.store = store;
        this.transaction = transaction;
        this.listeners = listeners;
        this.clock = settings.clock();
    }

    /** Maps, checks and stores a batch; joins the caller's transaction if there is one. */
    public IntakeReport receive(String sourceId, List<IncomingRecord> records) {
        CaseSource source = sources.get(sourceId);
        if (records.isEmpty()) {
            return new IntakeReport(sourceId, List.of());
        }
        List<CheckedRecord> checked = checks.check(source.mapper(), source.quality(), records);
        OffsetDateTime now = OffsetDateTime.now(clock).atZoneSameInstant(BureauCalendar.ZONE).toOffsetDateTime();
        IntakeReport report = transaction.execute(status -> {
            IntakeReport r = new IntakeReport(sourceId, store.store(sourceId, checked, now));
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        listeners.orderedStream().forEach(l -> l.stored(r));
                    }
                });
            }
            return r;
        });
        return report;
    }

    public CaseSources sources() {
        return sources;
    }
}

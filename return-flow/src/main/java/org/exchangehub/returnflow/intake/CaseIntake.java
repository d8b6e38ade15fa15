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

    /**
     * Maps, checks and stores a batch; joins the caller's transaction if there is one. Without one, a batch the database
     * refuses (a value PostgreSQL cannot hold, such as a NUL character) is stored record by record, and a record refused
     * alone is kept as an UNREADABLE failure: one bad record never blocks its channel. A database that is away still
     * fails the call, so the channel tries again.
     */
    public IntakeReport receive(String sourceId, List<IncomingRecord> records) {
        return receive(sourceId, records, null);
    }

    /**
     * As {@link #receive(String, List)}, but received at the given time rather than now: for back-filling history
     * (the demo's thirty days of past records, docs/return-flow.md), so that daily statistics, reconciliation and the
     * delay from completion to arrival count them on the day they stand for. Channels never pass a time: for them the
     * receipt time is the hub's clock. Null means now.
     */
    public IntakeReport receive(String sourceId, List<IncomingRecord> records, OffsetDateTime receivedAt) {
        CaseSource source = sources.get(sourceId);
        if (records.isEmpty()) {
            return new IntakeReport(sourceId, List.of());
        }
        List<CheckedRecord> checked = checks.check(source.mapper(), source.quality(), records);
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return store(sourceId, checked, receivedAt);
        }
        try {
            return store(sourceId, checked, receivedAt);
        } catch (org.springframework.dao.NonTransientDataAccessException refused) {
            List<org.exchangehub.returnflow.store.RecordOutcome> outcomes = new java.util.ArrayList<>();
            for (int i = 0; i < checked.size(); i++) {
                IntakeReport one;
                try {
                    one = store(sourceId, List.of(checked.get(i)), receivedAt);
                } catch (org.springframework.dao.NonTransientDataAccessException e) {
                    one = store(sourceId, List.of(refused(checked.get(i), e)), receivedAt);
                }
                var o = one.outcomes().get(0);
                outcomes.add(new org.exchangehub.returnflow.store.RecordOutcome(i, o.caseNumber(), o.departmentCode(), o.outcome(),
                        o.versionKey(), o.failureId(), o.reasons(), o.overdue(), o.completionToArrival()));
            }
            return new IntakeReport(sourceId, List.copyOf(outcomes));
        }
    }

    private static CheckedRecord refused(CheckedRecord c, Exception e) {
        String message = org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e).getMessage();
        String why = "the database refused to store it: " + (message == null ? e.getClass().getSimpleName()
                : message.lines().findFirst().orElse("")).replace('\u0000', ' ');
        java.util.Map<String, Object> origin = new java.util.LinkedHashMap<>();
        if (c.incoming().origin() != null) {
            c.incoming().origin().forEach((k, v) -> origin.put(k, v == null ? null : String.valueOf(v).replace('\u0000', '\uFFFD')));
        }
        IncomingRecord clean = IncomingRecord.unreadable(c.incoming().raw().replace('\u0000', '\uFFFD'), why, origin);
        return new CheckedRecord(clean, java.util.Map.of(), null, List.of(org.exchangehub.returnflow.quality.Reason.of(
                org.exchangehub.returnflow.quality.QualityRule.UNREADABLE, null, "数据库无法保存该记录（如含 NUL 字符）", why)), null);
    }

    private IntakeReport store(String sourceId, List<CheckedRecord> checked, OffsetDateTime receivedAt) {
        OffsetDateTime now = (receivedAt == null ? OffsetDateTime.now(clock) : receivedAt)
                .atZoneSameInstant(BureauCalendar.ZONE).toOffsetDateTime();
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

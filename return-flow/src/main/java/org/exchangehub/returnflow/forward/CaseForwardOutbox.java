package org.exchangehub.returnflow.forward;

import static org.exchangehub.returnflow.jooq.Tables.CASE_FORWARD;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.exchangehub.catalog.JsonColumns;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox of passed versions for the provincial case centre (省级办件中心). Due rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so several hub nodes never send the same version at once; a row is marked
 * forwarded only when the centre acknowledged it, otherwise it is retried with exponential backoff up to a cap.
 * {@code case_forward_once} keeps one (source, case, version) from ever being queued twice.
 */
@Service
public class CaseForwardOutbox {

    /** One version to forward. {@code forwardId} is the idempotency key the centre can use. */
    public record Pending(long forwardId, String sourceId, String caseNumber, String versionKey, int attempts,
                          Map<String, Object> record) {
    }

    /** Sends a batch; returns normally only when the centre acknowledged every record of it. */
    @FunctionalInterface
    public interface Sender {
        void send(List<Pending> batch) throws Exception;
    }

    /** What one round did. */
    public record Round(int claimed, int forwarded, String error) {
    }

    private final DSLContext db;
    private final JsonColumns json;

    public CaseForwardOutbox(DSLContext db, JsonColumns json) {
        this.db = db;
        this.json = json;
    }

    /**
     * Sends the oldest due versions (at most {@code max}) and marks them forwarded; when the sender fails, reschedules
     * them after {@code initialBackoff × 2^attempts}, at most {@code maxBackoff}.
     */
    @Transactional
    public Round forwardDue(int max, Sender sender, Duration initialBackoff, Duration maxBackoff) {
        OffsetDateTime now = OffsetDateTime.now();
        var rows = db.selectFrom(CASE_FORWARD)
                .where(CASE_FORWARD.FORWARDED_AT.isNull(), CASE_FORWARD.NEXT_ATTEMPT_AT.le(now))
                .orderBy(CASE_FORWARD.NEXT_ATTEMPT_AT, CASE_FORWARD.ID)
                .limit(max)
                .forUpdate().skipLocked()
                .fetch();
        if (rows.isEmpty()) {
            return new Round(0, 0, null);
        }
        List<Pending> batch = rows.map(r -> new Pending(r.getId(), r.getSourceId(), r.getCaseNumber(), r.getVersionKey(),
                r.getAttempts(), json.map(r.getPayload())));
        List<Long> ids = rows.map(r -> r.getId());
        try {
            sender.send(batch);
        } catch (Exception e) {
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            int attempts = rows.get(0).getAttempts() + 1;
            long backoffMs = Math.min(maxBackoff.toMillis(), initialBackoff.toMillis() << Math.min(20, attempts - 1));
            db.update(CASE_FORWARD)
                    .set(CASE_FORWARD.ATTEMPTS, CASE_FORWARD.ATTEMPTS.plus(1))
                    .set(CASE_FORWARD.NEXT_ATTEMPT_AT, now.plus(Duration.ofMillis(backoffMs)))
                    .set(CASE_FORWARD.LAST_ERROR, error.length() > 500 ? error.substring(0, 500) : error)
                    .where(CASE_FORWARD.ID.in(ids))
                    .execute();
            return new Round(rows.size(), 0, error);
        }
        db.update(CASE_FORWARD)
                .set(CASE_FORWARD.FORWARDED_AT, OffsetDateTime.now())
                .set(CASE_FORWARD.ATTEMPTS, CASE_FORWARD.ATTEMPTS.plus(1))
                .setNull(CASE_FORWARD.LAST_ERROR)
                .where(CASE_FORWARD.ID.in(ids))
                .execute();
        return new Round(rows.size(), rows.size(), null);
    }

    /** Versions waiting for the centre's acknowledgement. */
    @Transactional(readOnly = true)
    public long pending() {
        return db.fetchCount(CASE_FORWARD, CASE_FORWARD.FORWARDED_AT.isNull());
    }

    /** Versions acknowledged by the centre. */
    @Transactional(readOnly = true)
    public long forwarded() {
        return db.fetchCount(CASE_FORWARD, CASE_FORWARD.FORWARDED_AT.isNotNull());
    }
}

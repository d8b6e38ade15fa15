package org.exchangehub.returnflow.source;

import static org.exchangehub.returnflow.jooq.Tables.CASE_SOURCE_WATERMARK;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How far a database poller has read a source's table: the watermark column's value and the key of the last row,
 * stored as text ({@code ts:2026-11-23T09:30:00}, {@code n:42}, {@code s:abc}) by the poller. Saved in the
 * transaction that stored the rows, so a restart neither skips nor repeats them.
 */
@Service
public class SourceWatermarks {

    public record Watermark(String watermark, String lastKey) {
    }

    private final DSLContext db;

    public SourceWatermarks(DSLContext db) {
        this.db = db;
    }

    public Optional<Watermark> find(String sourceId) {
        return db.selectFrom(CASE_SOURCE_WATERMARK).where(CASE_SOURCE_WATERMARK.SOURCE_ID.eq(sourceId))
                .fetchOptional(r -> new Watermark(r.getWatermark(), r.getLastKey()));
    }

    /** Must run in the transaction that stored the rows up to this watermark. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void save(String sourceId, Watermark w) {
        db.insertInto(CASE_SOURCE_WATERMARK, CASE_SOURCE_WATERMARK.SOURCE_ID, CASE_SOURCE_WATERMARK.WATERMARK,
                        CASE_SOURCE_WATERMARK.LAST_KEY, CASE_SOURCE_WATERMARK.UPDATED_AT)
                .values(sourceId, w.watermark(), w.lastKey(), OffsetDateTime.now())
                .onConflict(CASE_SOURCE_WATERMARK.SOURCE_ID).doUpdate()
                .set(CASE_SOURCE_WATERMARK.WATERMARK, w.watermark())
                .set(CASE_SOURCE_WATERMARK.LAST_KEY, w.lastKey())
                .set(CASE_SOURCE_WATERMARK.UPDATED_AT, OffsetDateTime.now())
                .execute();
    }
}

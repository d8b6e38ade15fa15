package org.exchangehub.catalog.event;

import static org.exchangehub.catalog.jooq.Tables.CATALOG_EVENT_OUTBOX;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exchangehub.catalog.JsonColumns;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Catalogue events are written in the same transaction as the change they describe, so an event exists
 * exactly when its change committed; a relay then publishes them to Kafka in order.
 */
@Service
public class CatalogEventOutbox {

    /** Publishes a batch of events; throws if any was not accepted, so the batch stays pending. */
    @FunctionalInterface
    public interface Publisher {
        void publish(List<CatalogEvent> events) throws Exception;
    }

    private final DSLContext db;
    private final JsonColumns columns;
    private final ApplicationEventPublisher domainEvents;

    public CatalogEventOutbox(DSLContext db, JsonColumns columns, ApplicationEventPublisher domainEvents) {
        this.db = db;
        this.columns = columns;
        this.domainEvents = domainEvents;
    }

    /** An event to record. */
    public record Pending(CatalogEventType type, String resourceCode, Long entryId, String departmentCode,
                          Integer version, String status, String actor, Map<String, Object> details) {
    }

    /** Records an event; must run inside the transaction of the change. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(CatalogEventType type, String resourceCode, Long entryId, String departmentCode,
                       Integer version, String status, String actor, Map<String, Object> details) {
        recordAll(List.of(new Pending(type, resourceCode, entryId, departmentCode, version, status, actor, details)));
    }

    /** Records several events in one statement; must run inside the transaction of the change. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(List<Pending> events) {
        if (events.isEmpty()) {
            return;
        }
        var insert = db.insertInto(CATALOG_EVENT_OUTBOX, CATALOG_EVENT_OUTBOX.EVENT_TYPE, CATALOG_EVENT_OUTBOX.ENTRY_ID,
                CATALOG_EVENT_OUTBOX.RESOURCE_CODE, CATALOG_EVENT_OUTBOX.PAYLOAD);
        for (Pending e : events) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("type", e.type().name());
            payload.put("resourceCode", e.resourceCode());
            payload.put("departmentCode", e.departmentCode());
            payload.put("version", e.version());
            payload.put("status", e.status());
            payload.put("actor", e.actor());
            payload.put("details", e.details() == null ? Map.of() : e.details());
            insert = insert.values(e.type().name(), e.entryId(), e.resourceCode(), columns.write(payload));
        }
        insert.execute();
        // in-process listeners (this node's caches) react on commit, before the relay has carried the events to Kafka
        domainEvents.publishEvent(new CatalogChangeRecorded(events));
    }

    /**
     * Hands the oldest pending events (at most {@code max}) to the publisher and marks them published when it
     * returns. Rows are locked so that two hub nodes never relay the same event. Returns how many were relayed.
     */
    @Transactional
    public int relay(int max, Publisher publisher) throws Exception {
        var rows = db.selectFrom(CATALOG_EVENT_OUTBOX)
                .where(CATALOG_EVENT_OUTBOX.PUBLISHED_AT.isNull())
                .orderBy(CATALOG_EVENT_OUTBOX.ID)
                .limit(max)
                .forUpdate().skipLocked()
                .fetch();
        if (rows.isEmpty()) {
            return 0;
        }
        List<CatalogEvent> events = rows.map(r -> toEvent(r.getId(), r.getCreatedAt(), r.getPayload()));
        publisher.publish(events);
        db.update(CATALOG_EVENT_OUTBOX)
                .set(CATALOG_EVENT_OUTBOX.PUBLISHED_AT, OffsetDateTime.now())
                .where(CATALOG_EVENT_OUTBOX.ID.in(rows.map(r -> r.getId())))
                .execute();
        return rows.size();
    }

    public long pending() {
        return db.fetchCount(CATALOG_EVENT_OUTBOX, CATALOG_EVENT_OUTBOX.PUBLISHED_AT.isNull());
    }

    @SuppressWarnings("unchecked")
    private CatalogEvent toEvent(long id, OffsetDateTime at, JSONB payload) {
        Map<String, Object> p = columns.map(payload);
        return new CatalogEvent(id, CatalogEventType.valueOf((String) p.get("type")), (String) p.get("resourceCode"),
                    (String) p.get("departmentCode"), (Integer) p.get("version"), (String) p.get("status"),
                (String) p.get("actor"), at, (Map<String, Object>) p.get("details"));
    }

}

package org.exchangehub.catalog.event;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A directory state change, as published on Kafka topic {@code hub.catalog.events} (JSON, keyed by resource code).
 *
 * @param id           the outbox sequence number: increasing, so consumers can drop duplicates
 * @param resourceCode null for reference-data events
 * @param version      the entry version concerned, where there is one
 * @param status       the entry's status after the change, where there is one
 */
public record CatalogEvent(long id, CatalogEventType type, String resourceCode, String departmentCode, Integer version,
                           String status, String actor, OffsetDateTime occurredAt, Map<String, Object> details) {
}

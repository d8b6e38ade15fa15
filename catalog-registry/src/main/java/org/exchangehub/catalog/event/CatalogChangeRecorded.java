package org.exchangehub.catalog.event;

import java.util.List;

/**
 * Published in-process, inside the transaction that recorded these events: a listener that must see the change
 * committed (a cache dropping what changed) listens with {@code @TransactionalEventListener}. Other nodes learn of
 * the same change from Kafka.
 */
public record CatalogChangeRecorded(List<CatalogEventOutbox.Pending> events) {
}

package org.exchangehub.catalog.event;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Published in-process, inside the transaction that recorded these events: a listener that must see the change
 * committed (a cache dropping what changed) listens with {@code @TransactionalEventListener}. Other nodes learn of
 * the same change from Kafka.
 */
public record CatalogChangeRecorded(List<CatalogEventOutbox.Pending> events) {

    /** The entries the change concerns; empty for reference-data changes. */
    public Set<String> resourceCodes() {
        return events.stream().map(CatalogEventOutbox.Pending::resourceCode).filter(Objects::nonNull).collect(Collectors.toSet());
    }
}

package org.exchangehub.hub.catalog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Every hub node drops its cached views when the catalogue changes. Each node listens in a consumer group of its
 * own (a random group id), so every node sees every event.
 */
@Component
public class CatalogEventListener {

    private static final Logger log = LoggerFactory.getLogger(CatalogEventListener.class);

    private final CoverageCache coverage;

    public CatalogEventListener(CoverageCache coverage) {
        this.coverage = coverage;
    }

    @KafkaListener(id = "catalog-cache-invalidation", topics = "${hub.catalog.events-topic:hub.catalog.events}",
            groupId = "hub-cache-#{T(java.util.UUID).randomUUID().toString()}",
            properties = {"auto.offset.reset=latest"})
    public void onCatalogEvent(String event) {
        coverage.drop();
        log.debug("Catalogue changed, cached coverage dropped: {}", event);
    }
}

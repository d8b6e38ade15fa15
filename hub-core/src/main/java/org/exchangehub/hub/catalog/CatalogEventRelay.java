package org.exchangehub.hub.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.exchangehub.catalog.event.CatalogEvent;
import org.exchangehub.catalog.event.CatalogEventOutbox;
import org.exchangehub.hub.runtime.HubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Relays catalogue events from the outbox table to Kafka ({@code hub.catalog.events}), keyed by resource code so
 * that one entry's events stay in order. An event is marked sent only after Kafka acknowledged it; when Kafka is
 * away the events wait in the outbox.
 */
@Component
public class CatalogEventRelay {

    private static final Logger log = LoggerFactory.getLogger(CatalogEventRelay.class);
    private static final int BATCH = 500;

    private final CatalogEventOutbox outbox;
    private final KafkaTemplate<String, String> kafka;
    private final ObjectMapper json;
    private final String topic;

    public CatalogEventRelay(CatalogEventOutbox outbox, KafkaTemplate<String, String> kafka, ObjectMapper json, HubProperties hub) {
        this.outbox = outbox;
        this.kafka = kafka;
        this.json = json;
        this.topic = hub.catalog().eventsTopic();
    }

    @Scheduled(fixedDelayString = "${hub.catalog.outbox-relay-interval:500ms}")
    public void relayPending() {
        try {
            int sent;
            do {
                sent = outbox.relay(BATCH, this::publish);
            } while (sent == BATCH);
        } catch (Exception e) {
            log.warn("Catalogue events not relayed to Kafka topic {} yet ({} pending): {}", topic, outbox.pending(), e.toString());
        }
    }

    private void publish(List<CatalogEvent> events) throws Exception {
        List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>(events.size());
        for (CatalogEvent e : events) {
            sends.add(kafka.send(topic, e.resourceCode() == null ? "reference-data" : e.resourceCode(), write(e)));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    }

    private String write(CatalogEvent e) {
        try {
            return json.writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}

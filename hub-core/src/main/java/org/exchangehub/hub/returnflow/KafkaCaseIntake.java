package org.exchangehub.hub.returnflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.exchangehub.catalog.RegistryException;
import org.exchangehub.returnflow.completeness.Manifest;
import org.exchangehub.returnflow.completeness.Manifests;
import org.exchangehub.returnflow.intake.CaseIntake;
import org.exchangehub.returnflow.record.IncomingRecord;
import org.exchangehub.returnflow.source.CaseSource;
import org.exchangehub.returnflow.source.CaseSources;
import org.exchangehub.returnflow.source.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The Kafka channel: one consumer per source of channel kafka (its topic, consumer group {@code hub-return-flow-<id>},
 * shared by every hub node) and one for the manifests topic. A message that is not a JSON object is kept as an
 * UNREADABLE failure with its topic, partition and offset; it never stops the stream.
 */
@Component
public class KafkaCaseIntake implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KafkaCaseIntake.class);
    static final String MANIFESTS = "manifests";

    private final CaseSources sources;
    private final CaseIntake intake;
    private final Manifests manifests;
    private final ReturnFlowProperties properties;
    private final KafkaProperties kafka;
    private final ObjectMapper json;
    private final Map<String, KafkaBatchConsumer> consumers = new ConcurrentHashMap<>();
    private volatile boolean running;

    public KafkaCaseIntake(CaseSources sources, CaseIntake intake, Manifests manifests, ReturnFlowProperties properties,
                           KafkaProperties kafka, ObjectMapper json) {
        this.sources = sources;
        this.intake = intake;
        this.manifests = manifests;
        this.properties = properties;
        this.kafka = kafka;
        this.json = json;
    }

    @Override
    public void start() {
        for (CaseSource s : sources.all()) {
            if (s.channel() == Channel.KAFKA) {
                start(s.id());
            }
        }
        start(MANIFESTS);
        running = true;
    }

    /** Starts the consumer of a source (or of {@code manifests}); it resumes from the group's committed offsets. */
    public synchronized void start(String sourceId) {
        KafkaBatchConsumer existing = consumers.get(sourceId);
        if (existing != null && existing.isRunning()) {
            return;
        }
        KafkaBatchConsumer consumer;
        if (MANIFESTS.equals(sourceId)) {
            consumer = new KafkaBatchConsumer(MANIFESTS, properties.kafka().manifestsTopic(), kafka.getBootstrapServers(),
                    properties.kafka().groupPrefix() + MANIFESTS, 100, this::manifests);
        } else {
            CaseSource source = sources.get(sourceId);
            String topic = properties.sources().get(sourceId).kafka().topic();
            consumer = new KafkaBatchConsumer(sourceId, topic, kafka.getBootstrapServers(),
                    properties.kafka().groupPrefix() + source.id(), properties.kafka().maxPollRecords(), batch -> records(source.id(), batch));
            log.info("Return flow: source {} reads Kafka topic {}", sourceId, topic);
        }
        consumers.put(sourceId, consumer);
        consumer.start();
    }

    /** Stops a source's consumer like a crash: the batch in hand is neither finished nor committed. */
    public void stopHard(String sourceId) {
        KafkaBatchConsumer c = consumers.get(sourceId);
        if (c != null) {
            c.stopHard();
        }
    }

    public boolean isRunning(String sourceId) {
        KafkaBatchConsumer c = consumers.get(sourceId);
        return c != null && c.isRunning();
    }

    private void records(String sourceId, List<ConsumerRecord<String, String>> batch) {
        List<IncomingRecord> records = new ArrayList<>(batch.size());
        for (ConsumerRecord<String, String> r : batch) {
            Map<String, Object> origin = new LinkedHashMap<>();
            origin.put("channel", "kafka");
            origin.put("topic", r.topic());
            origin.put("partition", r.partition());
            origin.put("offset", r.offset());
            if (r.key() != null) {
                origin.put("key", r.key());
            }
            String value = r.value();
            if (value == null) {
                records.add(IncomingRecord.unreadable("", "an empty message (no value)", origin));
                continue;
            }
            try {
                JsonNode node = json.readTree(value);
                records.add(node != null && node.isObject() ? IncomingRecord.of(value, node, origin)
                        : IncomingRecord.unreadable(value, "expected a JSON object, got " + (node == null ? "nothing" : node.getNodeType().name().toLowerCase()), origin));
            } catch (Exception e) {
                records.add(IncomingRecord.unreadable(value, "not JSON: " + firstLine(e.getMessage()), origin));
            }
        }
        intake.receive(sourceId, records);
    }

    private record ManifestMessage(String source, LocalDate day, List<String> caseNumbers, Integer count) {
    }

    private void manifests(List<ConsumerRecord<String, String>> batch) {
        for (ConsumerRecord<String, String> r : batch) {
            try {
                ManifestMessage m = json.readValue(r.value(), ManifestMessage.class);
                manifests.record(new Manifest(m.source(), m.day(), m.caseNumbers(), m.count()));
            } catch (RegistryException e) {
                log.warn("Manifest at {}-{}@{} refused: {} {}", r.topic(), r.partition(), r.offset(), e.getMessage(), e.fieldProblems());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                log.warn("Manifest at {}-{}@{} unreadable: expected {{\"source\":…,\"day\":\"2026-11-23\",\"caseNumbers\":[…]}} "
                        + "or a count: {}", r.topic(), r.partition(), r.offset(), firstLine(e.getMessage()));
            }
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    @Override
    public void stop() {
        consumers.values().forEach(KafkaBatchConsumer::stop);
        consumers.clear();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // after the web server and Kafka's own beans; stops before them
        return Integer.MAX_VALUE - 2000;
    }
}

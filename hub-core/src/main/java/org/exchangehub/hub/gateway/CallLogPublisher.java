package org.exchangehub.hub.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.exchangehub.catalog.calls.CallRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import jakarta.annotation.PreDestroy;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;

/** Puts every gateway call on Kafka topic {@code hub.calls}, keyed by consuming system; the caller never waits for it. */
@Component
public class CallLogPublisher {

    private static final Logger log = LoggerFactory.getLogger(CallLogPublisher.class);

    private final ProducerFactory<String, String> producers;
    private final KafkaTemplate<String, String> kafka;
    private final ObjectMapper json;
    private final String topic;

    /**
     * A producer of its own that waits up to 100 ms to fill a batch: one gateway call is one small record, and each
     * produce request costs the broker the same whatever it carries (a request every few records was 6 % of the
     * hub's CPU). Nobody waits for the log.
     */
    public CallLogPublisher(DefaultKafkaProducerFactory<String, String> kafkaProducers, ObjectMapper json,
                            @Value("${hub.gateway.calls-topic:hub.calls}") String topic) {
        this.producers = kafkaProducers.copyWithConfigurationOverride(Map.of(ProducerConfig.LINGER_MS_CONFIG, 100,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024, ProducerConfig.CLIENT_ID_CONFIG, "exchange-hub-call-log",
                // with Kafka unreachable or the buffer full, a call is answered and its log entry given up, rather
                // than the call waiting up to the default 60 s
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 100));
        this.kafka = new KafkaTemplate<>(producers);
        this.json = json;
        this.topic = topic;
    }

    @PreDestroy
    void close() {
        if (producers instanceof org.springframework.beans.factory.DisposableBean disposable) {
            try {
                disposable.destroy();
            } catch (Exception e) {
                log.warn("Call log producer did not close cleanly: {}", e.toString());
            }
        }
    }

    public void publish(CallRecord call) {
        String record;
        try {
            record = json.writeValueAsString(call);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        try {
            kafka.send(topic, call.consumerSystemId(), record).whenComplete((ok, failure) -> {
                if (failure != null) {
                    log.warn("Call {} of {} not logged to {}: {}", call.callId(), call.consumerSystemId(), topic, failure.toString());
                }
            });
        } catch (RuntimeException kafkaUnavailable) {
            log.warn("Call {} of {} not logged to {}: {}", call.callId(), call.consumerSystemId(), topic, kafkaUnavailable.toString());
        }
    }
}

package org.exchangehub.hub.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.exchangehub.catalog.calls.CallRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Puts every gateway call on Kafka topic {@code hub.calls}, keyed by consuming system; the caller never waits for it. */
@Component
public class CallLogPublisher {

    private static final Logger log = LoggerFactory.getLogger(CallLogPublisher.class);

    private final KafkaTemplate<String, String> kafka;
    private final ObjectMapper json;
    private final String topic;

    public CallLogPublisher(KafkaTemplate<String, String> kafka, ObjectMapper json, @Value("${hub.gateway.calls-topic:hub.calls}") String topic) {
        this.kafka = kafka;
        this.json = json;
        this.topic = topic;
    }

    public void publish(CallRecord call) {
        try {
            kafka.send(topic, call.consumerSystemId(), json.writeValueAsString(call)).whenComplete((ok, failure) -> {
                if (failure != null) {
                    log.warn("Call {} of {} not logged to {}: {}", call.callId(), call.consumerSystemId(), topic, failure.toString());
                }
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

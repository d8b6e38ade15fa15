package org.exchangehub.hub.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

class CatalogEventsIT extends HubIntegrationTest {

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Test
    void everyStateChangeIsPublishedOnTheCatalogTopicInOrder() throws Exception {
        String dept = createDepartment("酒泉市市场监督管理局");
        HubApi officer = as("officer", "dept-editor", dept);
        String code = officer.post("/api/catalog/entries", licenceEntry("企业营业执照信息", List.of())).body().path("resourceCode").asText();
        officer.post(path(code) + "/submit", null);
        reviewer().post(path(code) + "/approve", null);
        officer.post(path(code) + "/mounts", Map.of("kind", "API", "connectorId", "market", "operation", "licence"));
        officer.post(path(code) + "/retire", null);

        List<String> types = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "events-it-" + code);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(hub.catalog().eventsTopic()));
            Instant deadline = Instant.now().plusSeconds(30);
            while (types.size() < 5 && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (code.equals(r.key())) {
                        JsonNode event = json.readTree(r.value());
                        assertThat(event.path("resourceCode").asText()).isEqualTo(code);
                        assertThat(event.path("departmentCode").asText()).isEqualTo(dept);
                        types.add(event.path("type").asText());
                    }
                }
            }
        }
        assertThat(types).containsExactly("ENTRY_CREATED", "ENTRY_SUBMITTED", "ENTRY_PUBLISHED", "RESOURCE_MOUNTED", "ENTRY_RETIRED");
    }
}

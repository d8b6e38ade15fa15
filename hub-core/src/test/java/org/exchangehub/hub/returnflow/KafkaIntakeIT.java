package org.exchangehub.hub.returnflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.exchangehub.catalog.item.ServiceItemCategory;
import org.exchangehub.returnflow.store.CaseQueries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/** The Kafka channel: exactly once across a hard stop of the consumer, and a poison message that does not stop the stream. */
class KafkaIntakeIT extends ReturnFlowIntegrationTest {

    static final String SOURCE = "provincial-vertical";
    static final String TOPIC = "hub.return-flow.provincial-vertical";

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    KafkaCaseIntake consumers;

    @Autowired
    CaseQueries queries;

    String department;
    String item;

    @BeforeEach
    void referenceData() {
        department = newDepartment();
        item = newItem(department, ServiceItemCategory.ADMINISTRATIVE_POWER);
    }

    @org.junit.jupiter.api.AfterEach
    void consumerRunning() {
        consumers.start(SOURCE); // whatever a test did to it
    }

    void send(String caseNo) {
        kafka.send(TOPIC, caseNo, CaseRecords.provincial(caseNo, item, department).toString());
    }

    Map<String, Integer> stored(String prefix) {
        return queries.versionCounts(SOURCE).entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Test
    void shouldStoreEveryRecordExactlyOnceWhenTheConsumerIsStoppedHardMidStreamAndRestarted() throws Exception {
        String prefix = "6209HS" + uniqueSuffix() + "-";
        int total = 30_000;
        for (int i = 0; i < total; i++) {
            send(prefix + i);
        }
        kafka.flush();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20)).until(() -> stored(prefix).size() >= 2_000);
        consumers.stopHard(SOURCE);
        assertThat(consumers.isRunning(SOURCE)).isFalse();
        int atStop = stored(prefix).size();
        assertThat(atStop).as("stopped mid-stream").isLessThan(total);

        consumers.start(SOURCE);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> stored(prefix).size() == total);
        Map<String, Integer> counts = stored(prefix);
        assertThat(counts).hasSize(total);
        assertThat(counts.values()).as("no version stored twice").containsOnly(1);
        JsonNode stats = get(admin(), "/api/return-flow/statistics?source=" + SOURCE).body();
        long duplicates = 0;
        for (JsonNode d : stats.path("departments")) {
            if (department.equals(d.path("departmentCode").asText())) {
                assertThat(d.path("passed").asLong()).isEqualTo(total);
                duplicates = d.path("duplicates").asLong();
            }
        }
        System.out.printf("hard stop after %d of %d stored; redelivered and recognised as duplicates: %d%n", atStop, total, duplicates);
    }

    @Test
    void shouldKeepAPoisonMessageAsAFailureWithItsOffsetAndGoOn() throws Exception {
        String prefix = "6209PM" + uniqueSuffix() + "-";
        send(prefix + "before");
        String poison = "{\"SBLSH\": \"" + prefix + "poison\", oops this is not JSON";
        CompletableFuture<?> sent = kafka.send(TOPIC, prefix + "poison", poison);
        kafka.send(TOPIC, prefix + "empty", "");
        // JSON PostgreSQL cannot hold: a NUL character in a name (the batch is refused, then stored record by record)
        kafka.send(TOPIC, prefix + "nul", CaseRecords.provincial(prefix + "nul", item, department).put("SQRMC", "张\u0000三").toString());
        send(prefix + "after");
        long offset = ((org.springframework.kafka.support.SendResult<?, ?>) sent.get(30, TimeUnit.SECONDS)).getRecordMetadata().offset();

        await().atMost(Duration.ofSeconds(60)).until(() -> stored(prefix).keySet().containsAll(
                java.util.List.of(prefix + "before", prefix + "after")));
        JsonNode failures = get(admin(), "/api/return-flow/sources/" + SOURCE + "/failures?rule=UNREADABLE&size=500").body();
        JsonNode poisonFailure = null;
        for (JsonNode f : failures.path("items")) {
            if (poison.equals(f.path("raw").asText())) {
                poisonFailure = f;
            }
        }
        assertThat(poisonFailure).as(failures.toString()).isNotNull();
        assertThat(poisonFailure.path("caseNumber").isNull()).isTrue();
        assertThat(poisonFailure.path("origin").path("topic").asText()).isEqualTo(TOPIC);
        assertThat(poisonFailure.path("origin").path("offset").asLong()).isEqualTo(offset);
        assertThat(poisonFailure.path("origin").path("key").asText()).isEqualTo(prefix + "poison");
        assertThat(poisonFailure.path("reasons").get(0).path("en").asText()).startsWith("not JSON");
        assertThat(failures.path("items").findValuesAsText("raw")).as("an empty message is kept too").contains("");
        JsonNode refused = null;
        for (JsonNode f : failures.path("items")) {
            if (f.path("raw").asText().contains(prefix + "nul")) {
                refused = f;
            }
        }
        assertThat(refused).as("the record with a NUL character is kept as a failure").isNotNull();
        assertThat(refused.path("reasons").get(0).path("en").asText()).startsWith("the database refused to store it");
    }
}

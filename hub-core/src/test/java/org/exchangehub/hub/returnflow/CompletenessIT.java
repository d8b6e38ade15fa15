package org.exchangehub.hub.returnflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.exchangehub.catalog.BureauCalendar;
import org.exchangehub.catalog.item.ServiceItemCategory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/** Completeness: manifests by API and topic, reconciliation, daily statistics, item association per month, metrics. */
class CompletenessIT extends ReturnFlowIntegrationTest {

    static final String SOURCE = "jq-approval";

    @Autowired
    KafkaTemplate<String, String> kafka;

    Answer records(List<?> batch) {
        Answer a = post(admin(), "/api/return-flow/sources/" + SOURCE + "/records", batch);
        ok(a);
        return a;
    }

    @Test
    void shouldReportTheCaseOfAManifestThatNeverArrivedAndTheOneNotDeclared() {
        String department = newDepartment();
        String item = newItem(department, ServiceItemCategory.ADMINISTRATIVE_POWER);
        String prefix = "JQ-MAN-" + uniqueSuffix() + "-";
        ObjectNode failing = CaseRecords.selfBuilt(prefix + "C", item, department, 1).put("state", "Q");
        records(List.of(CaseRecords.selfBuilt(prefix + "A", item, department, 1), CaseRecords.selfBuilt(prefix + "B", item, department, 1),
                failing));
        LocalDate today = BureauCalendar.today();

        Answer manifest = post(admin(), "/api/return-flow/sources/" + SOURCE + "/manifests",
                Map.of("day", today.toString(), "caseNumbers", List.of(prefix + "A", prefix + "B", prefix + "C", prefix + "D")));
        ok(manifest);
        JsonNode reconciliation = manifest.body().path("reconciliation");
        assertThat(manifest.body().path("declared").asInt()).isEqualTo(4);
        assertThat(reconciliation.path("missing").findValuesAsText("")).isEmpty();
        assertThat(texts(reconciliation.path("missing"))).as("a failed record arrived; D never did").containsExactly(prefix + "D");
        assertThat(reconciliation.path("missingCount").asLong()).isEqualTo(1);

        records(List.of(CaseRecords.selfBuilt(prefix + "E", item, department, 1)));
        JsonNode again = get(admin(), "/api/return-flow/sources/" + SOURCE + "/reconciliation?day=" + today).body();
        assertThat(texts(again.path("unexpected"))).contains(prefix + "E").doesNotContain(prefix + "A");
        assertThat(texts(again.path("missing"))).containsExactly(prefix + "D");

        JsonNode statistics = get(admin(), "/api/return-flow/statistics?source=" + SOURCE).body();
        JsonNode sourceDay = statistics.path("sources").get(0);
        assertThat(sourceDay.path("reconciliation").path("missing").toString()).contains(prefix + "D");
    }

    @Test
    void shouldCompareACountOnlyManifestWithWhatArrived() {
        LocalDate longAgo = LocalDate.of(2025, 3, 3);
        Answer manifest = post(admin(), "/api/return-flow/sources/" + SOURCE + "/manifests", Map.of("day", longAgo.toString(), "count", 3));
        ok(manifest);
        assertThat(manifest.body().path("reconciliation").path("listed").asBoolean()).isFalse();
        assertThat(manifest.body().path("reconciliation").path("missingCount").asLong()).isEqualTo(3);

        Answer refused = post(admin(), "/api/return-flow/sources/" + SOURCE + "/manifests", Map.of("day", longAgo.toString()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("caseNumbers");
    }

    @Test
    void shouldTakeADailyManifestFromTheTopic() {
        String source = "provincial-vertical";
        LocalDate day = LocalDate.of(2025, 6, 1);
        String missing = "6209TOPIC" + uniqueSuffix();
        kafka.send("hub.return-flow.manifests", source, "{\"source\":\"" + source + "\",\"day\":\"" + day + "\",\"caseNumbers\":[\""
                + missing + "\"]}");
        await().atMost(Duration.ofSeconds(30)).until(() -> texts(get(admin(), "/api/return-flow/sources/" + source
                + "/reconciliation?day=" + day).body().path("missing")).contains(missing));
    }

    @Test
    void shouldCountEachSourceDepartmentAndDayWithDelaysAndFailuresByRule() {
        String department = newDepartment();
        String item = newItem(department, ServiceItemCategory.PUBLIC_SERVICE);
        String prefix = "JQ-STAT-" + uniqueSuffix() + "-";
        List<Object> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(CaseRecords.selfBuilt(prefix + i, item, department, 1));
        }
        for (int i = 0; i < 2; i++) {
            ObjectNode bad = CaseRecords.selfBuilt(prefix + "bad" + i, item, department, 1);
            ((ObjectNode) bad.path("applicant").path("id")).put("number", CaseRecords.withWrongCheckCharacter(CaseRecords.residentId()));
            batch.add(bad);
        }
        batch.add(CaseRecords.selfBuilt(prefix + 0, item, department, 1)); // the same version again
        records(batch);

        JsonNode statistics = get(admin(), "/api/return-flow/statistics?source=" + SOURCE).body();
        JsonNode mine = null;
        for (JsonNode d : statistics.path("departments")) {
            if (department.equals(d.path("departmentCode").asText())) {
                mine = d;
            }
        }
        assertThat(mine).as(statistics.toString()).isNotNull();
        assertThat(mine.path("received").asLong()).isEqualTo(13);
        assertThat(mine.path("passed").asLong()).isEqualTo(10);
        assertThat(mine.path("failed").asLong()).isEqualTo(2);
        assertThat(mine.path("duplicates").asLong()).isEqualTo(1);
        assertThat(mine.path("day").asText()).isEqualTo(BureauCalendar.today().toString());
        // completed yesterday morning: between half a day and two days before arrival
        assertThat(mine.path("delayP50Seconds").asDouble()).isBetween(3_600.0 * 12, 3_600.0 * 48);
        assertThat(mine.path("delayP95Seconds").asDouble()).isGreaterThanOrEqualTo(mine.path("delayP50Seconds").asDouble());
        assertThat(statistics.path("sources").get(0).path("failedByRule").path("ID_NUMBER_INVALID").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void shouldShowTheShareOfItemsWithACaseThisMonthByCategory() {
        String department = newDepartment();
        String withCase = newItem(department, ServiceItemCategory.ADMINISTRATIVE_POWER);
        newItem(department, ServiceItemCategory.ADMINISTRATIVE_POWER);
        String month = YearMonth.now(BureauCalendar.ZONE).toString();
        JsonNode before = category(get(admin(), "/api/return-flow/item-association?month=" + month).body(), "ADMINISTRATIVE_POWER");

        // accepted this month (the record's acceptance time is yesterday, so not on the first of a month)
        ObjectNode record = CaseRecords.selfBuilt("JQ-ASSOC-" + uniqueSuffix(), withCase, department, 1);
        long now = System.currentTimeMillis();
        ((ObjectNode) record.path("stages").get(0)).put("time", now - 3_600_000);
        ((ObjectNode) record.path("stages").get(1)).put("time", now - 3_000_000);
        record.put("completedTime", now - 60_000);
        record.put("modified", now - 30_000);
        records(List.of(record));

        JsonNode after = category(get(admin(), "/api/return-flow/item-association?month=" + month).body(), "ADMINISTRATIVE_POWER");
        assertThat(after.path("items").asLong()).isEqualTo(before.path("items").asLong());
        assertThat(after.path("itemsWithCase").asLong()).isEqualTo(before.path("itemsWithCase").asLong() + 1);
        double share = after.path("itemsWithCase").asDouble() / after.path("items").asDouble();
        assertThat(after.path("share").asDouble()).isCloseTo(share, org.assertj.core.data.Offset.offset(0.0001));
        assertThat(after.path("meetsTarget").asBoolean()).isEqualTo(share >= 0.7);
        assertThat(get(admin(), "/api/return-flow/item-association?month=2026-13").status()).isEqualTo(400);
    }

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    /** Spring Boot tests export no metrics, so the registry is read directly; /actuator/prometheus shows the same meters. */
    @Test
    void shouldRecordMetricsBySourceOutcomeAndRule() {
        String department = newDepartment();
        String item = newItem(department, ServiceItemCategory.PUBLIC_SERVICE);
        double before = newCases();
        ObjectNode bad = CaseRecords.selfBuilt("JQ-MET-" + uniqueSuffix(), item, department, 1).put("dept", "11620900MB0000000X");
        records(List.of(CaseRecords.selfBuilt("JQ-MET-" + uniqueSuffix(), item, department, 1), bad));
        assertThat(newCases()).isEqualTo(before + 1);
        assertThat(meters.find("hub.return_flow.rule_failures").tag("source", SOURCE).tag("rule", "DEPARTMENT_UNKNOWN").counter())
                .isNotNull();
        var delay = meters.find("hub.return_flow.completion_to_arrival").tag("source", SOURCE).timer();
        assertThat(delay).isNotNull();
        assertThat(delay.count()).isPositive();
        assertThat(meters.find("hub.return_flow.forward.pending").gauge()).isNotNull();
        assertThat(meters.find("hub.return_flow.failures.open").gauge().value()).isPositive();
    }

    double newCases() {
        var counter = meters.find("hub.return_flow.records").tag("source", SOURCE).tag("outcome", "NEW_CASE").counter();
        return counter == null ? 0 : counter.count();
    }

    static JsonNode category(JsonNode association, String category) {
        for (JsonNode c : association.path("categories")) {
            if (category.equals(c.path("category").asText())) {
                return c;
            }
        }
        throw new AssertionError("no category " + category + " in " + association);
    }

    static List<String> texts(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }
}

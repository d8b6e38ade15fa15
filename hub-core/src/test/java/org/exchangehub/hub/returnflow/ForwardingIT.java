package org.exchangehub.hub.returnflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.exchangehub.catalog.item.ServiceItemCategory;
import org.exchangehub.hub.testing.CaseCentreStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Forwarding to the provincial case centre: only on acknowledgement, caught up after an outage, each version once. */
class ForwardingIT extends ReturnFlowIntegrationTest {

    static final String SOURCE = "jq-approval";

    @AfterEach
    void centreBack() {
        CaseCentreStub.acknowledgeAll();
    }

    /** How often each "caseNumber/versionKey" of ours was in a request the centre answered with {@code status}. */
    static Map<String, Integer> sent(String prefix, int status) {
        Map<String, Integer> counts = new HashMap<>();
        for (ServeEvent e : CaseCentreStub.server().getAllServeEvents()) {
            if (e.getResponse().getStatus() != status) {
                continue;
            }
            try {
                for (JsonNode r : JSON.readTree(e.getRequest().getBodyAsString()).path("records")) {
                    if (r.path("caseNumber").asText().startsWith(prefix)) {
                        counts.merge(r.path("caseNumber").asText() + "/" + r.path("versionKey").asText(), 1, Integer::sum);
                    }
                }
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }
        return counts;
    }

    @Test
    void shouldForwardEveryPassedVersionOnceAfterTheCentreComesBack() {
        String department = newDepartment();
        String item = newItem(department, ServiceItemCategory.PUBLIC_SERVICE);
        String prefix = "JQ-FWD-" + uniqueSuffix() + "-";
        CaseCentreStub.failAll();

        List<Object> batch = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            batch.add(CaseRecords.selfBuilt(prefix + i, item, department, 1));
        }
        ok(post(admin(), "/api/return-flow/sources/" + SOURCE + "/records", batch));
        // refused, retried with backoff, still waiting
        await().atMost(Duration.ofSeconds(30)).until(() -> sent(prefix, 503).values().stream().allMatch(n -> n >= 2)
                && sent(prefix, 503).size() == 30);
        assertThat(sent(prefix, 200)).isEmpty();
        assertThat(departmentDay(department).path("forwardPending").asLong()).isEqualTo(30);

        CaseCentreStub.acknowledgeAll();
        await().atMost(Duration.ofSeconds(30)).until(() -> sent(prefix, 200).size() == 30);
        assertThat(sent(prefix, 200).values()).as("each version acknowledged once").containsOnly(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> departmentDay(department).path("forwarded").asLong() == 30);
        assertThat(departmentDay(department).path("forwardPending").asLong()).isZero();

        // a newer version goes out once more; the same version sent again does not
        ok(post(admin(), "/api/return-flow/sources/" + SOURCE + "/records",
                List.of(CaseRecords.selfBuilt(prefix + 0, item, department, 2), CaseRecords.selfBuilt(prefix + 1, item, department, 1))));
        await().atMost(Duration.ofSeconds(30)).until(() -> sent(prefix, 200).containsKey(prefix + "0/v2"));
        assertThat(sent(prefix, 200)).hasSize(31);
        assertThat(sent(prefix, 200).values()).containsOnly(1);
        JsonNode request = JSON.valueToTree(CaseCentreStub.server().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getBodyAsString().contains(prefix + "0\"")).findFirst().orElseThrow()
                .getRequest().getHeader("Idempotency-Key"));
        assertThat(request.asText()).isNotBlank();
    }

    JsonNode departmentDay(String department) {
        for (JsonNode d : get(admin(), "/api/return-flow/statistics?source=" + SOURCE).body().path("departments")) {
            if (department.equals(d.path("departmentCode").asText())) {
                return d;
            }
        }
        return JSON.nullNode();
    }
}

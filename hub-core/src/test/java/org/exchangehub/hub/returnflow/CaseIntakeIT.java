package org.exchangehub.hub.returnflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.exchangehub.catalog.item.ServiceItemCategory;
import org.exchangehub.returnflow.store.CaseQueries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The HTTP batch channel and storage: exactly once per version, latest and history, failures kept and fixed by resending. */
class CaseIntakeIT extends ReturnFlowIntegrationTest {

    static final String SOURCE = "jq-approval";
    static final String RECORDS = "/api/return-flow/sources/" + SOURCE + "/records";

    @Autowired
    CaseQueries queries;

    String department;
    String item;

    @BeforeEach
    void referenceData() {
        department = newDepartment();
        item = newItem(department, ServiceItemCategory.ADMINISTRATIVE_POWER);
    }

    Answer send(Object... records) {
        Answer a = post(admin(), RECORDS, List.of(records));
        ok(a);
        return a;
    }

    static List<String> outcomes(Answer a) {
        return a.body().path("results").findValuesAsText("outcome");
    }

    @Test
    void shouldStoreANewCaseOnceAndCountTheSameVersionResentAsADuplicate() {
        String caseNo = "JQ-SCJG-" + uniqueSuffix();
        ObjectNode record = CaseRecords.selfBuilt(caseNo, item, department, 1);

        Answer first = send(record);
        assertThat(outcomes(first)).containsExactly("NEW_CASE");
        assertThat(first.body().path("results").get(0).path("versionKey").asText()).isEqualTo("v1");
        Answer again = send(record);
        assertThat(outcomes(again)).containsExactly("DUPLICATE");
        assertThat(again.body().path("duplicates").asLong()).isEqualTo(1);

        assertThat(queries.versionCounts(SOURCE)).containsEntry(caseNo, 1);
        JsonNode view = get(admin(), "/api/return-flow/sources/" + SOURCE + "/cases/" + caseNo).body();
        assertThat(view.path("versions")).hasSize(1);
        assertThat(view.path("latest").path("status").asText()).isEqualTo("COMPLETED");
        assertThat(view.path("latest").path("acceptingDepartmentCode").asText()).isEqualTo(department);
    }

    @Test
    void shouldKeepTheLatestVersionAndEveryVersionInTheHistory() {
        String caseNo = "JQ-SCJG-" + uniqueSuffix();
        ObjectNode v1 = CaseRecords.selfBuilt(caseNo, item, department, 1).put("state", "A");
        v1.remove("completedTime");
        ObjectNode v3 = CaseRecords.selfBuilt(caseNo, item, department, 3);
        ObjectNode v2 = CaseRecords.selfBuilt(caseNo, item, department, 2).put("state", "D");
        v2.remove("completedTime");

        assertThat(outcomes(send(v1))).containsExactly("NEW_CASE");
        assertThat(outcomes(send(v3))).containsExactly("NEWER_VERSION");
        assertThat(outcomes(send(v2))).as("an older version arriving late").containsExactly("OLDER_VERSION");

        JsonNode view = get(admin(), "/api/return-flow/sources/" + SOURCE + "/cases/" + caseNo).body();
        assertThat(view.path("versions").findValuesAsText("versionKey")).containsExactly("v1", "v2", "v3");
        assertThat(view.path("latest").path("version").asLong()).isEqualTo(3);
        assertThat(view.path("latest").path("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void shouldAnswerEveryRecordOfABatchInItsOrder() {
        String a = "JQ-SCJG-" + uniqueSuffix() + "A";
        String b = "JQ-SCJG-" + uniqueSuffix() + "B";
        ObjectNode bad = CaseRecords.selfBuilt(b, item, department, 1);
        bad.put("state", "X");
        Answer answer = post(admin(), RECORDS, "[" + CaseRecords.selfBuilt(a, item, department, 1) + ", 42, "
                + CaseRecords.selfBuilt(a, item, department, 1) + ", " + bad + "]");
        ok(answer);
        assertThat(outcomes(answer)).containsExactly("NEW_CASE", "FAILED", "DUPLICATE", "FAILED");
        assertThat(answer.body().path("received").asInt()).isEqualTo(4);
        assertThat(answer.body().path("stored").asInt()).isEqualTo(1);
        assertThat(answer.body().path("results").get(1).path("reasons").get(0).path("rule").asText()).isEqualTo("UNREADABLE");
        assertThat(answer.body().path("results").get(1).path("reasons").get(0).path("en").asText()).contains("expected a JSON object");
        JsonNode statusReason = answer.body().path("results").get(3).path("reasons").get(0);
        assertThat(statusReason.path("rule").asText()).isEqualTo("UNKNOWN_CODE");
        assertThat(statusReason.path("field").asText()).isEqualTo("status");
        assertThat(statusReason.path("zh").asText()).startsWith("代码不在代码表中");
    }

    @Test
    void shouldKeepAFailedRecordWithEveryReasonUntilTheFixedRecordIsResent() {
        String caseNo = "JQ-SCJG-" + uniqueSuffix();
        ObjectNode broken = CaseRecords.selfBuilt(caseNo, item + "-UNKNOWN", department, 1);
        ((ObjectNode) broken.path("applicant").path("id")).put("number", CaseRecords.withWrongCheckCharacter(CaseRecords.residentId()));
        Answer failed = send(broken);
        assertThat(outcomes(failed)).containsExactly("FAILED");
        long failureId = failed.body().path("results").get(0).path("failureId").asLong();
        assertThat(failed.body().path("results").get(0).path("reasons").findValuesAsText("rule"))
                .containsExactlyInAnyOrder("ITEM_UNKNOWN", "ID_NUMBER_INVALID");

        send(broken); // sent again unchanged: the same open failure, a second attempt
        JsonNode open = get(admin(), "/api/return-flow/sources/" + SOURCE + "/failures?status=open&rule=ITEM_UNKNOWN").body();
        JsonNode mine = find(open.path("items"), caseNo);
        assertThat(mine.path("id").asLong()).isEqualTo(failureId);
        assertThat(mine.path("attempts").asInt()).isEqualTo(2);
        assertThat(mine.path("raw").asText()).contains(caseNo);
        assertThat(mine.path("reasons").findValuesAsText("en")).anySatisfy(en -> assertThat(en).startsWith("itemCode: expected the code of a registered service item"));
        assertThat(mine.path("origin").path("channel").asText()).isEqualTo("http");

        ObjectNode fixed = CaseRecords.selfBuilt(caseNo, item, department, 1);
        assertThat(outcomes(send(fixed))).containsExactly("NEW_CASE");
        JsonNode resolved = get(admin(), "/api/return-flow/sources/" + SOURCE + "/failures/" + failureId).body();
        assertThat(resolved.path("resolvedAt").isNull()).isFalse();
        assertThat(resolved.path("resolvedByVersion").asText()).isEqualTo("v1");
        assertThat(find(get(admin(), "/api/return-flow/sources/" + SOURCE + "/failures?status=open&size=500").body().path("items"), caseNo))
                .as("no longer open").isNull();
    }

    @Test
    void shouldFlagACaseCompletedAfterItsCommittedDeadlineButStoreIt() {
        String caseNo = "JQ-SCJG-" + uniqueSuffix();
        ObjectNode late = CaseRecords.selfBuilt(caseNo, item, department, 1);
        long day = 24L * 3_600_000;
        // accepted 12 calendar days ago, completed 10 days later: past the 3 promised working days, within the legal 15
        long accepted = System.currentTimeMillis() - 12 * day;
        ((ObjectNode) late.path("stages").get(0)).put("time", accepted - 900_000);
        ((ObjectNode) late.path("stages").get(1)).put("time", accepted);
        late.put("completedTime", accepted + 10 * day);
        late.put("modified", accepted + 10 * day + 1000);
        Answer a = send(late);
        assertThat(outcomes(a)).containsExactly("NEW_CASE");
        assertThat(a.body().path("results").get(0).path("overdue").path("card").asText()).isEqualTo("YELLOW");
        JsonNode view = get(admin(), "/api/return-flow/sources/" + SOURCE + "/cases/" + caseNo).body();
        assertThat(view.path("overdueCard").asText()).isEqualTo("YELLOW");
        assertThat(view.path("overdueWorkingDays").asInt()).isPositive();
        JsonNode overdue = get(admin(), "/api/return-flow/overdue?source=" + SOURCE + "&from=2020-01-01").body();
        assertThat(overdue.path("cases").findValuesAsText("caseNumber")).as(overdue.toString()).contains(caseNo);
    }

    @Test
    void shouldRefuseABodyThatIsNotAJsonArrayNamingWhatWasExpected() {
        Answer a = post(admin(), RECORDS, "{\"caseNo\":\"x\"}");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body().path("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(a.body().path("errors").get(0).path("message").asText()).isEqualTo("expected a JSON array of case records, got object");
        assertThat(post(admin(), "/api/return-flow/sources/no-such-source/records", "[]").status()).isEqualTo(404);
    }

    @Test
    void shouldLetOnlyAdminsTheSourcesClientsAndItsDepartmentPost() {
        assertThat(post(null, RECORDS, "[]").status()).isEqualTo(401);
        assertThat(post(token("other.officer", "dept-editor", department), RECORDS, "[]").status()).isEqualTo(403);
        ok(post(token("jq.officer", "dept-editor", "11620900MB00000013"), RECORDS, "[]"));
        assertThat(get(token("jq.officer", "dept-editor", "11620900MB00000013"), "/api/return-flow/statistics").status())
                .as("the overall views are for admins").isEqualTo(403);
    }

    static JsonNode find(JsonNode items, String caseNo) {
        for (JsonNode i : items) {
            if (caseNo.equals(i.path("caseNumber").asText())) {
                return i;
            }
        }
        return null;
    }
}

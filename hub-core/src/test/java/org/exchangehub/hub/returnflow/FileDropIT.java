package org.exchangehub.hub.returnflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.exchangehub.catalog.department.Department;
import org.exchangehub.catalog.item.ServiceItem;
import org.exchangehub.catalog.item.ServiceItemCategory;
import org.exchangehub.catalog.tabular.TabularWriter;
import org.exchangehub.returnflow.store.CaseQueries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The file channel: a GBK CSV with Chinese headers and its manifest file, and a JSON file, dropped for provincial-daily. */
class FileDropIT extends ReturnFlowIntegrationTest {

    static final String SOURCE = "provincial-daily";
    static final String MARKET_REGULATOR = "11620900MB00000013"; // the file names departments; the mapping knows this one

    @Autowired
    CaseQueries queries;

    Path inbox() {
        return hub.dataDir().resolve("return-flow/provincial-daily");
    }

    void drop(String name, byte[] content) throws Exception {
        Files.createDirectories(inbox());
        Path temp = Files.createTempFile(inbox().getParent(), "drop", ".part");
        Files.write(temp, content);
        Files.move(temp, inbox().resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void shouldReadAGbkCsvWithItsManifestAndAJsonFile() throws Exception {
        departments.save(new Department(MARKET_REGULATOR, "酒泉市市场监督管理局", "620900"));
        String item = "11620900MB00000013" + uniqueSuffix();
        items.save(new ServiceItem(item, "企业设立登记", ServiceItemCategory.ADMINISTRATIVE_POWER, MARKET_REGULATOR));
        String prefix = "6209CSV" + uniqueSuffix() + "-";
        LocalDateTime accepted = LocalDateTime.now(CaseRecords.BEIJING).minusDays(1).withHour(9).withMinute(30);
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy/M/d H:mm");
        List<String> headers = List.of("办件编号", "事项编码", "事项名称", "申请人姓名", "身份证号", "受理部门", "受理时间", "办结时间", "办理状态");
        List<List<String>> rows = List.of(
                List.of(prefix + 1, item, "企业设立登记", "赵六", CaseRecords.residentId(), "酒泉市市场监督管理局", accepted.format(f),
                        accepted.plusHours(1).format(f), "已办结"),
                List.of(prefix + 2, item, "企业设立登记", "孙七", CaseRecords.residentId(), "酒泉市市场监督管理局", accepted.format(f), "", "已受理"),
                List.of(prefix + 3, item, "企业设立登记", "周八", CaseRecords.withWrongCheckCharacter(CaseRecords.residentId()),
                        "酒泉市市场监督管理局", accepted.format(f), accepted.plusHours(2).format(f), "已办结"));
        String day = accepted.format(DateTimeFormatter.BASIC_ISO_DATE);
        drop("cases-" + day + "-" + prefix + ".csv", TabularWriter.csv(headers, rows, Charset.forName("GBK")));
        drop("manifest-" + day + ".csv", ("办件编号\n" + prefix + 1 + "\n" + prefix + 2 + "\n" + prefix + 3 + "\n" + prefix + 4 + "\n")
                .getBytes(Charset.forName("GBK")));
        String json = "{\"办件编号\":\"" + prefix + "5\",\"事项编码\":\"" + item + "\",\"申请人姓名\":\"吴九\",\"受理部门\":\"酒泉市市场监督管理局\","
                + "\"受理时间\":\"" + accepted.format(f) + "\",\"办理状态\":\"已受理\"}\n";
        drop("cases-" + prefix + ".json", json.getBytes(StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(30)).until(() -> queries.versionCounts(SOURCE).keySet()
                .containsAll(List.of(prefix + 1, prefix + 2, prefix + 5)));
        await().atMost(Duration.ofSeconds(10)).until(() -> queries.failures(SOURCE, true, "ID_NUMBER_INVALID", 0, 500).items().stream()
                .anyMatch(x -> (prefix + 3).equals(x.caseNumber()) && x.origin().get("line").equals(4)));
        assertThat(queries.caseView(SOURCE, prefix + 1).latest()).containsEntry("applicantName", "赵六")
                .containsEntry("acceptingDepartmentCode", MARKET_REGULATOR).containsEntry("status", "COMPLETED");

        await().atMost(Duration.ofSeconds(30)).until(() -> get(admin(), "/api/return-flow/sources/" + SOURCE + "/reconciliation?day="
                + accepted.toLocalDate()).body().path("manifest").asBoolean());
        JsonNode reconciliation = get(admin(), "/api/return-flow/sources/" + SOURCE + "/reconciliation?day=" + accepted.toLocalDate()).body();
        assertThat(reconciliation.path("declared").asInt()).isEqualTo(4);
        assertThat(reconciliation.path("missing").toString()).contains(prefix + 4).doesNotContain(prefix + 3);
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(inbox().resolve("manifest-" + day + ".csv")));
        try (var done = Files.walk(inbox().resolve(".done"))) {
            assertThat(done.map(p -> p.getFileName().toString()).toList()).contains("cases-" + day + "-" + prefix + ".csv");
        }
    }
}

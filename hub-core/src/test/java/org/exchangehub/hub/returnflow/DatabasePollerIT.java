package org.exchangehub.hub.returnflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import javax.sql.DataSource;
import org.exchangehub.catalog.item.ServiceItemCategory;
import org.exchangehub.returnflow.source.SourceWatermarks;
import org.exchangehub.returnflow.store.CaseQueries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database channel against a self-built system's table (schema ywxt in the embedded PostgreSQL, as configured for
 * source jq-ywxt): rows read once by watermark, the watermark persisted, a changed row stored as a newer version.
 */
class DatabasePollerIT extends ReturnFlowIntegrationTest {

    static final String SOURCE = "jq-ywxt";

    @Autowired
    DataSource dataSource;

    @Autowired
    CaseQueries queries;

    @Autowired
    SourceWatermarks watermarks;

    void insert(JdbcTemplate jdbc, String caseNo, String item, String department, String status, LocalDateTime updated) {
        LocalDateTime accepted = updated.minusHours(2);
        jdbc.update("insert into ywxt.ywxt_banjian (case_no, item_code, item_name, applicant_type, applicant_name, id_type, id_no,"
                        + " dept_code, region_code, channel, submitted_at, accepted_at, completed_at, promise_days, legal_days, status,"
                        + " result, updated_at) values (?, ?, '测试事项', 'P', '王五', 'IDCARD', ?, ?, '620900', 'W', ?, ?, ?, 3, 15, ?, '1', ?)",
                caseNo, item, CaseRecords.residentId(), department, Timestamp.valueOf(accepted.minusMinutes(10)),
                Timestamp.valueOf(accepted), "C".equals(status) ? Timestamp.valueOf(updated.minusMinutes(1)) : null, status,
                Timestamp.valueOf(updated));
    }

    @Test
    void shouldReadNewAndChangedRowsOnceByThePersistedWatermark() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("create schema if not exists ywxt");
        jdbc.execute("create table if not exists ywxt.ywxt_banjian (id bigserial primary key, case_no varchar(64) not null, "
                + "item_code varchar(64), item_name varchar(200), applicant_type char(1), applicant_name varchar(100), id_type varchar(16), "
                + "id_no varchar(32), dept_code varchar(18), region_code varchar(6), channel char(1), submitted_at timestamp, "
                + "accepted_at timestamp, decided_at timestamp, completed_at timestamp, promise_days int, legal_days int, "
                + "status char(1) not null, result varchar(8), updated_at timestamp not null)");
        String department = newDepartment();
        String item = newItem(department, ServiceItemCategory.ADMINISTRATIVE_POWER);
        String prefix = "JQ-YWXT-" + uniqueSuffix() + "-";
        LocalDateTime base = LocalDateTime.now(CaseRecords.BEIJING).minusDays(1).withNano(0);
        insert(jdbc, prefix + 1, item, department, "C", base);
        insert(jdbc, prefix + 2, item, department, "A", base); // the same watermark: the key breaks the tie
        insert(jdbc, prefix + 3, item, department, "Q", base.plusMinutes(1)); // an unknown status: a failure

        await().atMost(Duration.ofSeconds(30)).until(() -> queries.versionCounts(SOURCE).keySet().containsAll(
                java.util.List.of(prefix + 1, prefix + 2)));
        await().atMost(Duration.ofSeconds(10)).until(() -> queries.failures(SOURCE, true, "UNKNOWN_CODE", 0, 500).items().stream()
                .anyMatch(f -> (prefix + 3).equals(f.caseNumber())));
        Long lastId = jdbc.queryForObject("select max(id) from ywxt.ywxt_banjian", Long.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> watermarks.find(SOURCE).orElseThrow().lastKey().equals("n:" + lastId));
        assertThat(watermarks.find(SOURCE).orElseThrow().watermark()).isEqualTo("ts:" + base.plusMinutes(1));

        // the system completes case 2 and fixes case 3: both rows change, with a newer updated_at
        jdbc.update("update ywxt.ywxt_banjian set status = 'C', completed_at = ?, updated_at = ? where case_no = ?",
                Timestamp.valueOf(base.plusMinutes(4)), Timestamp.valueOf(base.plusMinutes(5)), prefix + 2);
        jdbc.update("update ywxt.ywxt_banjian set status = 'A', updated_at = ? where case_no = ?", Timestamp.valueOf(base.plusMinutes(6)),
                prefix + 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> queries.versionCounts(SOURCE).getOrDefault(prefix + 2, 0) == 2
                && queries.versionCounts(SOURCE).containsKey(prefix + 3));
        assertThat(queries.versionCounts(SOURCE)).containsEntry(prefix + 1, 1).containsEntry(prefix + 2, 2).containsEntry(prefix + 3, 1);
        assertThat(queries.caseView(SOURCE, prefix + 2).latest()).containsEntry("status", "COMPLETED");
        assertThat(queries.caseView(SOURCE, prefix + 3).failures()).allSatisfy(f -> assertThat(f.resolvedAt()).isNotNull());
    }
}

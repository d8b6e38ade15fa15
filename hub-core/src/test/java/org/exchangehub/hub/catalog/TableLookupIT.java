package org.exchangehub.hub.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Key lookups in a department's own database for TABLE mounts. The department's database is a real PostgreSQL: a
 * schema of its own in the embedded server, reached through a pool of its own as a configured data source.
 */
class TableLookupIT extends HubIntegrationTest {

    @DynamicPropertySource
    static void departmentDatabases(DynamicPropertyRegistry registry) {
        for (String id : List.of("market-db", "market-db-slow")) {
            registry.add("hub.connectors.datasources." + id + ".url", () -> "${spring.datasource.url}");
            registry.add("hub.connectors.datasources." + id + ".username", () -> "${spring.datasource.username}");
            registry.add("hub.connectors.datasources." + id + ".password", () -> "${spring.datasource.password:}");
        }
        registry.add("hub.connectors.datasources.market-db-slow.query-timeout", () -> "1s");
        registry.add("hub.connectors.datasources.market-db-down.url", () -> "jdbc:postgresql://127.0.0.1:9/market");
        registry.add("hub.connectors.datasources.market-db-down.connect-timeout", () -> "500ms");
    }

    @Autowired
    DataSource hubDatabase;

    @BeforeEach
    void departmentTable() throws Exception {
        try (Connection c = hubDatabase.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS market_dept");
            s.execute("CREATE TABLE IF NOT EXISTS market_dept.licence (uniscid text PRIMARY KEY, ent_name text, legal_person text, "
                    + "legal_person_id text, est_date date, region text)");
            s.execute("INSERT INTO market_dept.licence VALUES "
                    + "('91620900MA7AAAAAA1', '酒泉市某某商贸有限公司', '张某', '620102199001011233', '2021-05-08', '620902'), "
                    + "('91620900MA7AAAAAA2', '酒泉市另一商贸有限公司', '李某', '620102199202023456', '2019-03-12', '620902'), "
                    // a namesake in another county: names are not keys
                    + "('91620900MA7AAAAAA3', '酒泉市另一商贸有限公司', '王某', '620102198803034567', '2020-07-01', '620921') "
                    + "ON CONFLICT DO NOTHING");
            // every row read sleeps 2 s: a department database that is too slow
            s.execute("CREATE OR REPLACE VIEW market_dept.licence_slow AS SELECT * FROM market_dept.licence WHERE pg_sleep(2) IS NOT NULL");
        }
    }

    record Setup(String code, HubApi consumer, String department) {
    }

    /** A published licence entry with the department's table mounted, granted to a consumer for three items. */
    Setup mountedTable(String datasourceId, String table) {
        String dept = createDepartment("酒泉市市场监督管理局");
        HubApi officer = as("officer", "dept-editor", dept);
        String code = publish(officer, licenceEntry("企业营业执照信息", List.of()));
        var mount = officer.post(path(code) + "/mounts", Map.of("kind", "TABLE", "datasourceId", datasourceId, "tableName", table,
                "columnMapping", Map.of("uniscid", "tyshxydm", "ent_name", "企业名称", "legal_person", "fddbr",
                        "legal_person_id", "fddbrsfzh", "est_date", "clrq")));
        assertThat(mount.status()).as(mount.body().toString()).isBetween(200, 201);
        String client = "table-" + ThreadLocalRandom.current().nextInt(1_000_000);
        admin().put("/api/consumer-systems/" + client, Map.of("name", "不动产登记系统", "clientId", client), null);
        HubApi consumer = as(client, "consumer", null);
        var applied = consumer.post(path(code) + "/share-requests", Map.of("purpose", "核验企业主体资格",
                "dataItems", List.of("统一社会信用代码", "企业名称", "法定代表人身份证号", "成立日期")));
        assertThat(applied.body().path("status").asText()).as(applied.body().toString()).isEqualTo("APPROVED");
        return new Setup(code, consumer, dept);
    }

    static String lookup(String code, String query) {
        return "/api/shared/" + code + "/lookup?" + query;
    }

    @Test
    void looksUpOneRowByAGrantedKeyAndAnswersOnlyGrantedItemsMasked() {
        Setup s = mountedTable("market-db", "market_dept.licence");

        var answer = s.consumer().get(lookup(s.code(), "tyshxydm=91620900MA7AAAAAA1"));

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.body().path("tyshxydm").asText()).isEqualTo("91620900MA7AAAAAA1");
        assertThat(answer.body().path("qymc").asText()).isEqualTo("酒泉市某某商贸有限公司");
        assertThat(answer.body().path("fddbrsfzh").asText()).isEqualTo("620102********1233");
        assertThat(answer.body().has("fddbr")).as("not granted").isFalse();
        assertThat(answer.body().path("clrq").asText()).isEqualTo("2021-05-08");
    }

    @Test
    void refusesASecondMountThatWouldAnswerTheSameOperation() {
        Setup s = mountedTable("market-db", "market_dept.licence");
        HubApi officer = as("officer", "dept-editor", s.department());

        var api = officer.post(path(s.code()) + "/mounts", Map.of("kind", "API", "connectorId", "market-rest", "operation", "lookup"));
        assertThat(api.status()).as(api.body().toString()).isEqualTo(409);
        assertThat(api.body().path("errors").get(0).path("field").asText()).isEqualTo("operation");
        var table = officer.post(path(s.code()) + "/mounts", Map.of("kind", "TABLE", "datasourceId", "market-db",
                "tableName", "market_dept.licence_slow", "columnMapping", Map.of("uniscid", "tyshxydm")));
        assertThat(table.status()).as(table.body().toString()).isEqualTo(409);

        var other = officer.post(path(s.code()) + "/mounts", Map.of("kind", "API", "connectorId", "market-rest", "operation", "licence"));
        assertThat(other.status()).as("another operation is fine: " + other.body()).isBetween(200, 201);
        assertThat(s.consumer().get(lookup(s.code(), "tyshxydm=91620900MA7AAAAAA1")).status()).as("still the table").isEqualTo(200);
    }

    @Test
    void looksUpByADateKeyAndRefusesAValueTheColumnCannotHoldWithoutBlamingTheDatabase() {
        Setup s = mountedTable("market-db", "market_dept.licence");

        // est_date is a date column: the text of the parameter is typed by the database
        var byDate = s.consumer().get(lookup(s.code(), "clrq=2019-03-12"));
        assertThat(byDate.status()).as(byDate.body().toString()).isEqualTo(200);
        assertThat(byDate.body().path("tyshxydm").asText()).isEqualTo("91620900MA7AAAAAA2");

        for (int i = 0; i < 6; i++) {
            var notADate = s.consumer().get(lookup(s.code(), "clrq=2019-02-30"));
            assertThat(notADate.status()).as(notADate.body().toString()).isEqualTo(400);
            assertThat(notADate.body().path("detail").asText()).contains("not of its data item's type");
        }
        // a consumer's bad values neither retry nor open the data source's circuit breaker
        assertThat(s.consumer().get(lookup(s.code(), "tyshxydm=91620900MA7AAAAAA1")).status()).isEqualTo(200);
    }

    @Test
    void refusesALookupByAnItemTheGrantDoesNotInclude() {
        Setup s = mountedTable("market-db", "market_dept.licence");

        // 法定代表人 is not granted: filtering by it would tell whether someone is a company's legal representative
        var answer = s.consumer().get(lookup(s.code(), "fddbr=" + encode("张某")));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("detail").asText()).contains("'fddbr'").contains("tyshxydm");
        assertThat(s.consumer().get("/api/shared/" + s.code() + "/lookup").body().path("detail").asText())
                .contains("at least one key parameter");
    }

    @Test
    void answersNotFoundForNoRowAndRefusesAmbiguousLookups() {
        Setup s = mountedTable("market-db", "market_dept.licence");

        assertThat(s.consumer().get(lookup(s.code(), "tyshxydm=91620900MA7ZZZZZZ9")).body().path("code").asText())
                .isEqualTo("NOT_FOUND_AT_PROVIDER");
        // a value is bound, never spliced into the SQL
        assertThat(s.consumer().get(lookup(s.code(), "tyshxydm=%27%20OR%20%271%27%3D%271")).body().path("code").asText())
                .isEqualTo("NOT_FOUND_AT_PROVIDER");
        var unique = s.consumer().get(lookup(s.code(), "qymc=" + encode("酒泉市某某商贸有限公司")));
        assertThat(unique.status()).as(unique.body().toString()).isEqualTo(200);
        var ambiguous = s.consumer().get(lookup(s.code(), "qymc=" + encode("酒泉市另一商贸有限公司")));
        assertThat(ambiguous.status()).as(ambiguous.body().toString()).isEqualTo(400);
        assertThat(ambiguous.body().path("detail").asText()).contains("More than one record");
    }

    static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aSlowDatabaseIsAProviderTimeoutAndADownOneAProviderError() {
        Setup slow = mountedTable("market-db-slow", "market_dept.licence_slow");
        var timedOut = slow.consumer().get(lookup(slow.code(), "tyshxydm=91620900MA7AAAAAA1"));
        assertThat(timedOut.status()).as(timedOut.body().toString()).isEqualTo(504);
        assertThat(timedOut.body().path("code").asText()).isEqualTo("PROVIDER_TIMEOUT");

        Setup down = mountedTable("market-db-down", "market_dept.licence");
        var unreachable = down.consumer().get(lookup(down.code(), "tyshxydm=91620900MA7AAAAAA1"));
        assertThat(unreachable.status()).as(unreachable.body().toString()).isEqualTo(502);
        assertThat(unreachable.body().toString()).as("no connection details for the consumer").doesNotContain("127.0.0.1:9");
    }
}

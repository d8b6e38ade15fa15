package org.exchangehub.hub.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.exchangehub.catalog.code.UnifiedSocialCreditCode;
import org.exchangehub.hub.HubApplication;
import org.exchangehub.hub.runtime.HubProperties;
import org.exchangehub.hub.security.LocalSigningKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the hub's integration tests: the whole application on a random port with the real embedded PostgreSQL,
 * Kafka and Hazelcast, started once for the suite (every test class shares this configuration, so Spring reuses
 * the context). Each test makes its own departments and items, so tests do not see each other's data.
 */
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class HubIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    HubProperties hub;

    HubApi as(String username, String roles, String department) {
        return new HubApi(port, LocalSigningKey.inDataDir(hub.dataDir())
                .issue(username, List.of(roles.split(",")), department, Duration.ofMinutes(30)));
    }

    HubApi admin() {
        return as("admin.li", "admin", null);
    }

    HubApi reviewer() {
        return as("reviewer.wang", "reviewer", null);
    }

    HubApi anonymous() {
        return new HubApi(port, null);
    }

    /** A fresh, valid unified social credit code of a government body (1 1 …) in Jiuquan (620900). */
    static String newDepartmentCode() {
        String alphabet = UnifiedSocialCreditCode.ALPHABET;
        StringBuilder s = new StringBuilder("11620900");
        for (int i = 0; i < 9; i++) {
            s.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(10, alphabet.length())));
        }
        return s.toString() + UnifiedSocialCreditCode.checkCharacterFor(s.toString());
    }

    String createDepartment(String name) {
        String code = newDepartmentCode();
        var answer = admin().put("/api/departments/" + code, Map.of("name", name, "regionCode", "620900"), null);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return code;
    }

    String createItem(String department, String name, String category) {
        String code = "11" + department.substring(2, 8) + "-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        var answer = admin().put("/api/service-items/" + code,
                Map.of("name", name, "category", category, "departmentCode", department), null);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return code;
    }

    /** A complete, valid entry body like the market regulator's 企业营业执照信息. */
    static Map<String, Object> licenceEntry(String name, List<String> itemCodes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("resourceCategory", "DEPARTMENT");
        body.put("classificationCode", "3-01-02");
        body.put("name", name);
        body.put("abstract", "登记机关核发的企业营业执照主要信息，包括统一社会信用代码、企业名称、法定代表人、成立日期和登记状态");
        body.put("format", "INTERFACE");
        body.put("shareType", "UNCONDITIONAL");
        body.put("shareMode", "INTERFACE");
        body.put("openType", "NOT_OPEN");
        body.put("updateCycle", "REAL_TIME");
        List<Map<String, Object>> items = new ArrayList<>();
        items.add(Map.of("name", "统一社会信用代码", "code", "tyshxydm", "type", "STRING", "length", 18));
        items.add(Map.of("name", "企业名称", "code", "qymc", "type", "STRING", "length", 200));
        items.add(Map.of("name", "法定代表人", "code", "fddbr", "type", "STRING", "length", 50));
        items.add(Map.of("name", "法定代表人身份证号", "code", "fddbrsfzh", "type", "STRING", "length", 18, "sensitive", true));
        items.add(Map.of("name", "成立日期", "code", "clrq", "type", "DATE"));
        body.put("dataItems", items);
        body.put("relatedItemCodes", itemCodes);
        return body;
    }

    /** Creates, submits and approves an entry; returns its resource code. */
    String publish(HubApi officer, Map<String, Object> body) {
        var created = officer.post("/api/catalog/entries", body);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String code = created.body().path("resourceCode").asText();
        assertThat(officer.post(path(code) + "/submit", null).status()).isEqualTo(200);
        assertThat(reviewer().post(path(code) + "/approve", null).body().path("status").asText()).isEqualTo("PUBLISHED");
        return code;
    }

    static String path(String resourceCode) {
        return "/api/catalog/entries/" + resourceCode;
    }
}

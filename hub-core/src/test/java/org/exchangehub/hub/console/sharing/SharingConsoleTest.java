package org.exchangehub.hub.console.sharing;

import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.exchangehub.hub.console.ConsoleBrowserTest;

/** Data the sharing pages need, set up through the API: published entries and registered consuming systems. */
abstract class SharingConsoleTest extends ConsoleBrowserTest {

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** Creates, submits and publishes an entry of the department like the market regulator's licence data; its resource code. */
    String publishEntry(String department, String name, String shareType) {
        String officer = token("officer.test", "dept-editor", department);
        String body = """
                {"resourceCategory":"DEPARTMENT","classificationCode":"3-01-02","name":"%s",
                 "abstract":"登记机关核发的企业营业执照主要信息，包括统一社会信用代码、企业名称、法定代表人、成立日期和登记状态",
                 "format":"INTERFACE","shareType":"%s",%s"shareMode":"INTERFACE","openType":"NOT_OPEN","updateCycle":"REAL_TIME",
                 "dataItems":[{"name":"统一社会信用代码","code":"tyshxydm","type":"STRING","length":18},
                   {"name":"企业名称","code":"qymc","type":"STRING","length":200},
                   {"name":"法定代表人","code":"fddbr","type":"STRING","length":50},
                   {"name":"法定代表人身份证号","code":"fddbrsfzh","type":"STRING","length":18,"sensitive":true},
                   {"name":"成立日期","code":"clrq","type":"DATE"}],
                 "relatedItemCodes":[]}""".formatted(name, shareType,
                "CONDITIONAL".equals(shareType) ? "\"shareConditions\":\"仅限企业登记核验用途\"," : "");
        String code = json(api("POST", "/api/catalog/entries", officer, body)).path("resourceCode").asText();
        api("POST", "/api/catalog/entries/" + code + "/submit", officer, null);
        api("POST", "/api/catalog/entries/" + code + "/approve", token("reviewer.test", "reviewer", null), null);
        return code;
    }

    /** Registers (as an admin) a consuming system run by the department; its client id is also its id. */
    String registerSystem(String department, String name) {
        String id = "sys-" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        api("PUT", "/api/consumer-systems/" + id, token("admin.test", "admin", null),
                "{\"name\":\"" + name + "\",\"departmentCode\":\"" + department + "\",\"clientId\":\"" + id + "\"}");
        return id;
    }

    /** A consuming system's own application through the API (its token's client is the system's id). */
    long applyAsSystem(String systemId, String resourceCode, String purpose) {
        return json(api("POST", "/api/catalog/entries/" + resourceCode + "/share-requests", token(systemId, "consumer", null),
                "{\"purpose\":\"" + purpose + "\",\"dataItems\":[\"企业名称\"],\"expectedDailyVolume\":100}")).path("id").asLong();
    }

    static String unique(String name) {
        return name + ThreadLocalRandom.current().nextInt(10_000, 99_999);
    }

    static JsonNode json(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

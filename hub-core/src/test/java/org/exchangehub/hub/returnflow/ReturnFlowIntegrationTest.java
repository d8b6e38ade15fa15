package org.exchangehub.hub.returnflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.exchangehub.catalog.code.UnifiedSocialCreditCode;
import org.exchangehub.catalog.department.Department;
import org.exchangehub.catalog.department.DepartmentService;
import org.exchangehub.catalog.item.ServiceItem;
import org.exchangehub.catalog.item.ServiceItemCategory;
import org.exchangehub.catalog.item.ServiceItemService;
import org.exchangehub.hub.HubApplication;
import org.exchangehub.hub.runtime.HubProperties;
import org.exchangehub.hub.security.LocalSigningKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the return flow's integration tests: the same application context as every other integration test (real
 * embedded PostgreSQL, Kafka and Hazelcast, started once), WireMock as the provincial case centre. Each test makes its
 * own departments, items and case numbers.
 */
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ReturnFlowIntegrationTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    HubProperties hub;

    @Autowired
    DepartmentService departments;

    @Autowired
    ServiceItemService items;

    record Answer(int status, JsonNode body) {
    }

    String token(String user, String roles, String department) {
        return LocalSigningKey.inDataDir(hub.dataDir()).issue(user, List.of(roles.split(",")), department, Duration.ofMinutes(30));
    }

    String admin() {
        return token("admin.li", "admin", null);
    }

    Answer get(String token, String path) {
        return send(request(token, path).GET());
    }

    Answer post(String token, String path, Object body) {
        try {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            return send(request(token, path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String token, String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static Answer send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode body = r.body() == null || r.body().isBlank() ? JSON.nullNode() : parse(r.body(),
                    r.headers().firstValue("Content-Type").orElse(""));
            return new Answer(r.statusCode(), body);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String text, String contentType) throws IOException {
        return contentType.contains("json") ? JSON.readTree(text) : JSON.getNodeFactory().textNode(text);
    }

    /** A fresh department of Jiuquan (a valid unified social credit code). */
    String newDepartment() {
        String alphabet = UnifiedSocialCreditCode.ALPHABET;
        StringBuilder s = new StringBuilder("11620900");
        for (int i = 0; i < 9; i++) {
            s.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(10, alphabet.length())));
        }
        String code = s + String.valueOf(UnifiedSocialCreditCode.checkCharacterFor(s.toString()));
        departments.save(new Department(code, "测试部门" + code.substring(8, 12), "620900"));
        return code;
    }

    String newItem(String department, ServiceItemCategory category) {
        String code = "11" + department.substring(2, 8) + "-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        items.save(new ServiceItem(code, "测试事项" + code.substring(9), category, department));
        return code;
    }

    static String uniqueSuffix() {
        return Long.toString(System.nanoTime(), 36).toUpperCase();
    }

    static void ok(Answer a) {
        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
    }
}

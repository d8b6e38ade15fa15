package org.exchangehub.hub.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class StartupReportTest {

    @Test
    void saysWhatRunsWhereAndTheUrls() {
        String text = StartupReport.render(new StartupReport.Facts("embedded", "jdbc:postgresql://127.0.0.1:40001/hub",
                "embedded", "127.0.0.1:40002", "exchange-hub", List.of("127.0.0.1:5701"), "/srv/hub/data", 8080, -1,
                ""));

        assertThat(text)
                .contains("PostgreSQL : embedded, jdbc:postgresql://127.0.0.1:40001/hub")
                .contains("Kafka      : embedded, bootstrap 127.0.0.1:40002")
                .contains("Hazelcast  : cluster 'exchange-hub', members 127.0.0.1:5701")
                .contains("Data dir   : /srv/hub/data")
                .contains("HTTP port  : 8080")
                .contains("http://localhost:8080/\n")
                .contains("http://localhost:8080/swagger-ui.html")
                .contains("http://localhost:8080/actuator/health");
    }

    @Test
    void contextPathAndSeparateManagementPort() {
        String text = StartupReport.render(new StartupReport.Facts("external", "jdbc:postgresql://db/hub", "external",
                "k:9092", "c", List.of("a:1", "b:2"), "/d", 8443, 9090, "/hub/"));

        assertThat(text)
                .contains("members a:1, b:2")
                .contains("http://localhost:8443/hub/\n")
                .contains("http://localhost:8443/hub/swagger-ui.html")
                .contains("http://localhost:9090/actuator/health");
    }

    @Test
    void neverPrintsAPassword() {
        assertThat(StartupReport.redact("jdbc:postgresql://db:5432/hub?user=hub&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/hub?user=hub&password=******&ssl=true");
        assertThat(StartupReport.redact("jdbc:postgresql://hub:s3cret@db:5432/hub"))
                .isEqualTo("jdbc:postgresql://hub:******@db:5432/hub");
        assertThat(StartupReport.redact("jdbc:postgresql://db/hub;PASSWORD=x")).doesNotContain("=x");
        assertThat(StartupReport.redact("jdbc:postgresql://127.0.0.1:1/hub"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:1/hub");
    }
}

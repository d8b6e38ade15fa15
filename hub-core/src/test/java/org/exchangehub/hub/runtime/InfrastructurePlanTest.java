package org.exchangehub.hub.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.exchangehub.hub.runtime.InfrastructurePlan.Mode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class InfrastructurePlanTest {

    private final Map<String, String> hubSettings = new HashMap<>();
    private final Map<String, String> springSettings = new HashMap<>();

    private InfrastructurePlan plan() {
        HubProperties hub = new Binder(new MapConfigurationPropertySource(hubSettings))
                .bindOrCreate("hub", HubProperties.class);
        return InfrastructurePlan.of(hub, springSettings::get);
    }

    @Test
    void nothingConfiguredMeansEverythingEmbedded() {
        hubSettings.put("hub.data-dir", "/var/hub/data/../data");
        InfrastructurePlan plan = plan();

        assertThat(plan.postgres()).isEqualTo(Mode.EMBEDDED);
        assertThat(plan.kafka()).isEqualTo(Mode.EMBEDDED);
        assertThat(plan.needsEmbedded()).isTrue();
        assertThat(plan.dataDir()).isEqualTo(Path.of("/var/hub/data"));
        assertThat(plan.postgresDir()).isEqualTo(Path.of("/var/hub/data/postgres"));
        assertThat(plan.kafkaDir()).isEqualTo(Path.of("/var/hub/data/kafka"));
        assertThat(plan.properties("jdbc:postgresql://127.0.0.1:5555/hub", "127.0.0.1:9999"))
                .containsEntry("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5555/hub")
                .containsEntry("spring.datasource.username", "hub")
                .containsEntry("spring.datasource.password", "")
                .containsEntry("spring.kafka.bootstrap-servers", "127.0.0.1:9999")
                .containsEntry(InfrastructurePlan.POSTGRES_MODE, "embedded")
                .containsEntry(InfrastructurePlan.KAFKA_MODE, "embedded")
                .containsEntry(InfrastructurePlan.DATA_DIR, "/var/hub/data");
    }

    @Test
    void emptyStringsAreNotExternal() {
        hubSettings.put("hub.db.url", "");
        hubSettings.put("hub.kafka.bootstrap", " ");
        springSettings.put("spring.datasource.url", "");

        assertThat(plan().postgres()).isEqualTo(Mode.EMBEDDED);
        assertThat(plan().kafka()).isEqualTo(Mode.EMBEDDED);
    }

    @Test
    void hubSettingsMapToSpringProperties() {
        hubSettings.put("hub.db.url", "jdbc:postgresql://db.example:5432/hub");
        hubSettings.put("hub.db.username", "hubuser");
        hubSettings.put("hub.db.password", "s3cret");
        hubSettings.put("hub.kafka.bootstrap", "k1:9092, k2:9092");
        InfrastructurePlan plan = plan();

        assertThat(plan.postgres()).isEqualTo(Mode.EXTERNAL_HUB);
        assertThat(plan.kafka()).isEqualTo(Mode.EXTERNAL_HUB);
        assertThat(plan.needsEmbedded()).isFalse();
        assertThat(plan.properties(null, null))
                .containsEntry("spring.datasource.url", "jdbc:postgresql://db.example:5432/hub")
                .containsEntry("spring.datasource.username", "hubuser")
                .containsEntry("spring.datasource.password", "s3cret")
                .containsEntry("spring.kafka.bootstrap-servers", "k1:9092,k2:9092")
                .containsEntry(InfrastructurePlan.POSTGRES_MODE, "external")
                .containsEntry(InfrastructurePlan.KAFKA_MODE, "external");
    }

    @Test
    void explicitSpringPropertiesAreLeftAlone() {
        hubSettings.put("hub.db.url", "jdbc:postgresql://ignored/hub");
        springSettings.put("spring.datasource.url", "jdbc:postgresql://test/hub");
        springSettings.put("spring.kafka.bootstrap-servers", "test:9092");
        InfrastructurePlan plan = plan();

        assertThat(plan.postgres()).isEqualTo(Mode.EXTERNAL_SPRING);
        assertThat(plan.kafka()).isEqualTo(Mode.EXTERNAL_SPRING);
        assertThat(plan.properties(null, null))
                .doesNotContainKeys("spring.datasource.url", "spring.datasource.username",
                        "spring.datasource.password", "spring.kafka.bootstrap-servers")
                .containsEntry(InfrastructurePlan.POSTGRES_MODE, "external");
    }

    @Test
    void mixedExternalDatabaseAndEmbeddedKafka() {
        hubSettings.put("hub.db.url", "jdbc:postgresql://db/hub");
        InfrastructurePlan plan = plan();

        assertThat(plan.postgres()).isEqualTo(Mode.EXTERNAL_HUB);
        assertThat(plan.kafka()).isEqualTo(Mode.EMBEDDED);
        assertThat(plan.properties(null, "127.0.0.1:1"))
                .containsEntry("spring.datasource.url", "jdbc:postgresql://db/hub")
                .containsEntry("spring.kafka.bootstrap-servers", "127.0.0.1:1");
        assertThatThrownBy(() -> plan.properties(null, null)).hasMessageContaining("Kafka");
    }

    @Test
    void wipeOnStartIsCarried() {
        hubSettings.put("hub.embedded.wipe-on-start", "true");
        assertThat(plan().wipeOnStart()).isTrue();
        hubSettings.clear();
        assertThat(plan().wipeOnStart()).isFalse();
    }
}

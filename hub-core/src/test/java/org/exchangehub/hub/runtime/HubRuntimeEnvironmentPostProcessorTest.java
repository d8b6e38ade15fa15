package org.exchangehub.hub.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Only external services here: nothing is started. */
class HubRuntimeEnvironmentPostProcessorTest {

    private final HubRuntimeEnvironmentPostProcessor postProcessor =
            new HubRuntimeEnvironmentPostProcessor(new DeferredLogs());

    @Test
    void mapsExternalHubSettingsOverEverythingElse() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addLast(new MapPropertySource("applicationYml", Map.of(
                "hub.db.url", "jdbc:postgresql://db.example:5432/hub",
                "hub.db.username", "hubuser",
                "hub.db.password", "pw",
                "hub.kafka.bootstrap", "kafka.example:9092",
                "spring.datasource.username", "overridden")));
        ConfigurationPropertySources.attach(environment);

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db.example:5432/hub");
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("hubuser");
        assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("pw");
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("kafka.example:9092");
        assertThat(environment.getProperty(InfrastructurePlan.POSTGRES_MODE)).isEqualTo("external");
        assertThat(environment.getProperty(InfrastructurePlan.KAFKA_MODE)).isEqualTo("external");
        // the attached view stays first, our source right after it
        assertThat(environment.getPropertySources().stream().map(s -> s.getName()).limit(2))
                .containsExactly("configurationProperties", HubRuntimeEnvironmentPostProcessor.PROPERTY_SOURCE_NAME);
    }

    @Test
    void runsTwiceWithoutDuplicatingItsSource() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addLast(new MapPropertySource("applicationYml", Map.of(
                "spring.datasource.url", "jdbc:postgresql://test/hub",
                "spring.kafka.bootstrap-servers", "test:9092")));

        postProcessor.postProcessEnvironment(environment, new SpringApplication());
        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getPropertySources().stream()
                .filter(s -> s.getName().equals(HubRuntimeEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)))
                .hasSize(1);
        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://test/hub");
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("test:9092");
    }
}

package org.exchangehub.hub.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class HubPropertiesTest {

    private static HubProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("hub", HubProperties.class);
    }

    @Test
    void defaultsWithoutAnySetting() {
        HubProperties hub = bind(Map.of());

        assertThat(hub.dataDir().normalize()).isEqualTo(Path.of("data"));
        assertThat(hub.db().external()).isFalse();
        assertThat(hub.db().username()).isEqualTo("hub");
        assertThat(hub.kafka().external()).isFalse();
        assertThat(hub.hazelcast().members()).isEmpty();
        assertThat(hub.hazelcast().clusterName()).isEqualTo("exchange-hub");
        assertThat(hub.hazelcast().port()).isEqualTo(5701);
        assertThat(hub.security().hasIssuer()).isFalse();
        assertThat(hub.catalog().eventsTopic()).isEqualTo("hub.catalog.events");
        assertThat(hub.catalog().outboxRelayInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(hub.embedded().wipeOnStart()).isFalse();
    }

    @Test
    void bindsTheApplicationYmlShapes() {
        HubProperties hub = bind(Map.of(
                "hub.data-dir", "/srv/hub",
                "hub.hazelcast.members", "10.0.0.1:5701, 10.0.0.2 ,",
                "hub.hazelcast.cluster-name", "prod-hub",
                "hub.hazelcast.port", "5801",
                "hub.security.issuer-uri", "http://127.0.0.1:18080/realms/gov",
                "hub.catalog.events-topic", "catalog",
                "hub.catalog.outbox-relay-interval", "2s"));

        assertThat(hub.dataDir()).isEqualTo(Path.of("/srv/hub"));
        assertThat(hub.hazelcast().members()).containsExactly("10.0.0.1:5701", "10.0.0.2");
        assertThat(hub.hazelcast().clusterName()).isEqualTo("prod-hub");
        assertThat(hub.hazelcast().port()).isEqualTo(5801);
        assertThat(hub.security().issuerUri()).isEqualTo("http://127.0.0.1:18080/realms/gov");
        assertThat(hub.security().hasIssuer()).isTrue();
        assertThat(hub.catalog().eventsTopic()).isEqualTo("catalog");
        assertThat(hub.catalog().outboxRelayInterval()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void validationRejectsNonsense() {
        HubProperties hub = bind(Map.of(
                "hub.db.url", "postgres://not-jdbc",
                "hub.hazelcast.port", "70000",
                "hub.hazelcast.cluster-name", " ",
                "hub.catalog.events-topic", ""));
        try (var factory = Validation.buildDefaultValidatorFactory()) {
            Validator validator = factory.getValidator();
            Set<ConstraintViolation<HubProperties>> violations = validator.validate(hub);
            assertThat(violations).extracting(v -> v.getPropertyPath().toString())
                    .containsExactlyInAnyOrder("db.url", "hazelcast.port", "hazelcast.clusterName",
                            "catalog.eventsTopic");
        }
        try (var factory = Validation.buildDefaultValidatorFactory()) {
            assertThat(factory.getValidator().validate(bind(Map.of()))).isEmpty();
        }
    }
}

package org.exchangehub.hub.runtime;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.util.StringUtils;

/**
 * What the hub runs embedded and which {@code spring.*} properties follow from the {@code hub.*} ones. Pure logic,
 * no I/O: the environment post-processor starts what the plan says and publishes {@link #properties}.
 *
 * <p>Rules, for the database (Kafka alike):
 * <ol>
 * <li>{@code spring.datasource.url} already set (a test, an expert override): leave the datasource alone;</li>
 * <li>{@code hub.db.url} set: map {@code hub.db.url/username/password} to {@code spring.datasource.*};</li>
 * <li>neither: the embedded PostgreSQL, its URL and user go to {@code spring.datasource.*}.</li>
 * </ol>
 */
public record InfrastructurePlan(
        Path dataDir,
        Mode postgres,
        Mode kafka,
        boolean wipeOnStart,
        String dbUsername,
        Map<String, Object> externalProperties) {

    /** Where a service comes from. */
    public enum Mode {
        EMBEDDED, EXTERNAL_HUB, EXTERNAL_SPRING;

        public boolean embedded() {
            return this == EMBEDDED;
        }

        /** The word the start-up log and {@code hub.runtime.*.mode} use. */
        public String label() {
            return embedded() ? "embedded" : "external";
        }
    }

    public static final String POSTGRES_MODE = "hub.runtime.postgres.mode";
    public static final String KAFKA_MODE = "hub.runtime.kafka.mode";
    public static final String DATA_DIR = "hub.runtime.data-dir";

    static final String DATASOURCE_URL = "spring.datasource.url";
    static final String DATASOURCE_USERNAME = "spring.datasource.username";
    static final String DATASOURCE_PASSWORD = "spring.datasource.password";
    static final String KAFKA_BOOTSTRAP = "spring.kafka.bootstrap-servers";

    /**
     * @param hub the bound {@code hub.*} settings
     * @param environment looks up other properties (only {@code spring.datasource.url} and
     *     {@code spring.kafka.bootstrap-servers} are asked for)
     */
    public static InfrastructurePlan of(HubProperties hub, Function<String, String> environment) {
        Map<String, Object> external = new LinkedHashMap<>();
        Mode postgres;
        if (StringUtils.hasText(environment.apply(DATASOURCE_URL))) {
            postgres = Mode.EXTERNAL_SPRING;
        } else if (hub.db().external()) {
            postgres = Mode.EXTERNAL_HUB;
            external.put(DATASOURCE_URL, hub.db().url().trim());
            external.put(DATASOURCE_USERNAME, nullToEmpty(hub.db().username()));
            external.put(DATASOURCE_PASSWORD, nullToEmpty(hub.db().password()));
        } else {
            postgres = Mode.EMBEDDED;
        }
        Mode kafka;
        if (StringUtils.hasText(environment.apply(KAFKA_BOOTSTRAP))) {
            kafka = Mode.EXTERNAL_SPRING;
        } else if (hub.kafka().external()) {
            kafka = Mode.EXTERNAL_HUB;
            external.put(KAFKA_BOOTSTRAP, hub.kafka().bootstrap().replace(" ", ""));
        } else {
            kafka = Mode.EMBEDDED;
        }
        Path dataDir = hub.dataDir().toAbsolutePath().normalize();
        return new InfrastructurePlan(dataDir, postgres, kafka, hub.embedded().wipeOnStart(),
                hub.db().username(), Map.copyOf(external));
    }

    public boolean needsEmbedded() {
        return postgres.embedded() || kafka.embedded();
    }

    public Path postgresDir() {
        return dataDir.resolve("postgres");
    }

    public Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    /**
     * The properties to publish.
     *
     * @param embeddedJdbcUrl the embedded PostgreSQL's JDBC URL, when it runs
     * @param embeddedBootstrap the embedded broker's bootstrap servers, when it runs
     */
    public Map<String, Object> properties(String embeddedJdbcUrl, String embeddedBootstrap) {
        Map<String, Object> properties = new LinkedHashMap<>(externalProperties);
        if (postgres.embedded()) {
            require(embeddedJdbcUrl, "the embedded PostgreSQL's JDBC URL");
            properties.put(DATASOURCE_URL, embeddedJdbcUrl);
            properties.put(DATASOURCE_USERNAME, dbUsername);
            properties.put(DATASOURCE_PASSWORD, "");
        }
        if (kafka.embedded()) {
            require(embeddedBootstrap, "the embedded Kafka's bootstrap servers");
            properties.put(KAFKA_BOOTSTRAP, embeddedBootstrap);
        }
        properties.put(POSTGRES_MODE, postgres.label());
        properties.put(KAFKA_MODE, kafka.label());
        properties.put(DATA_DIR, dataDir.toString());
        return properties;
    }

    private static void require(String value, String what) {
        if (!StringUtils.hasText(value)) {
            throw new IllegalArgumentException(what + " is missing");
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}

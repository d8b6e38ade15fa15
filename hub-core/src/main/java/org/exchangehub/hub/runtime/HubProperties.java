package org.exchangehub.hub.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * Every {@code hub.*} setting (see application.yml for the environment variables). Empty values mean "embedded":
 * no {@code db.url} starts the embedded PostgreSQL, no {@code kafka.bootstrap} the in-process KRaft broker, no
 * {@code hazelcast.members} a single local member.
 *
 * @param dataDir where the embedded PostgreSQL ({@code postgres/}) and Kafka ({@code kafka/}) keep their data
 * @param db an external PostgreSQL
 * @param kafka an external Kafka
 * @param hazelcast the embedded Hazelcast member and the cluster it joins
 * @param security the OIDC issuer (read by the web/security code)
 * @param catalog the catalog registry's settings (read by catalog-registry)
 * @param embedded switches for the embedded infrastructure
 */
@Validated
@ConfigurationProperties("hub")
public record HubProperties(
        @NotNull @DefaultValue("./data") Path dataDir,
        @Valid @NotNull @DefaultValue Db db,
        @Valid @NotNull @DefaultValue Kafka kafka,
        @Valid @NotNull @DefaultValue Hazelcast hazelcast,
        @Valid @NotNull @DefaultValue Security security,
        @Valid @NotNull @DefaultValue Catalog catalog,
        @Valid @NotNull @DefaultValue Embedded embedded) {

    /**
     * @param url JDBC URL of an external PostgreSQL; empty means the embedded one
     * @param username user name for the external database, and the role the embedded one creates
     * @param password password for the external database (the embedded one trusts local connections)
     */
    public record Db(
            @Pattern(regexp = "^$|^jdbc:.+", message = "must be empty or a JDBC URL (jdbc:postgresql://host:port/db)")
            String url,
            @NotBlank @DefaultValue("hub") String username,
            String password) {

        public boolean external() {
            return StringUtils.hasText(url);
        }
    }

    /** @param bootstrap bootstrap servers (host:port,…) of an external Kafka; empty means the in-process broker */
    public record Kafka(String bootstrap) {

        public boolean external() {
            return StringUtils.hasText(bootstrap);
        }
    }

    /**
     * @param members host[:port] of the other members; empty means a single member bound to 127.0.0.1
     * @param clusterName the cluster name: members only join a cluster with the same name
     * @param port the first port tried (auto-increment on)
     */
    public record Hazelcast(
            @DefaultValue List<String> members,
            @NotBlank @DefaultValue("exchange-hub") String clusterName,
            @Min(1) @Max(65535) @DefaultValue("5701") int port) {

        public Hazelcast {
            members = members == null ? List.of()
                    : members.stream().map(String::trim).filter(StringUtils::hasText).toList();
        }
    }

    /**
     * @param issuerUri an OIDC issuer (Keycloak realm URL); empty means the hub's local development key
     * @param audience  with an issuer, tokens must name this audience ({@code aud}): a token the realm issued for
     *                  another system is not accepted here
     * @param secretKey base64 of 32 bytes, the key that encrypts stored secrets; empty means a key file in the data dir
     */
    public record Security(String issuerUri, @DefaultValue("hub") String audience, String secretKey) {

        /** Never with the secret key. */
        @Override
        public String toString() {
            return "Security[issuerUri=" + issuerUri + ", audience=" + audience + ", secretKey=" + (secretKey == null || secretKey.isBlank()
                    ? "data-dir key" : "******") + "]";
        }


        public boolean hasIssuer() {
            return StringUtils.hasText(issuerUri);
        }
    }

    /**
     * @param eventsTopic the Kafka topic catalog events are published to
     * @param outboxRelayInterval how often the outbox relay polls
     */
    public record Catalog(
            @NotBlank @DefaultValue("hub.catalog.events") String eventsTopic,
            @NotNull @DefaultValue("500ms") Duration outboxRelayInterval) {
    }

    /** @param wipeOnStart delete {@code dataDir} before the embedded services start (tests only) */
    public record Embedded(@DefaultValue("false") boolean wipeOnStart) {
    }
}

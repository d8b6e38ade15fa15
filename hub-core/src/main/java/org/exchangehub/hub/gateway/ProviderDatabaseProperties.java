package org.exchangehub.hub.gateway;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.Map;
import org.exchangehub.connectors.selfbuilt.TableLookup;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Departments' own databases that TABLE mounts name by {@code datasourceId}: adding one is configuration. Example:
 * <pre>
 * hub.connectors.datasources.market-db:
 *   url: jdbc:postgresql://10.1.2.4:5432/market
 *   username: hub_reader          # a read-only account
 *   password: ${MARKET_DB_PASSWORD}
 *   dialect: POSTGRES
 *   query-timeout: 3s
 * </pre>
 * A pool (small: lookups are by key) is opened on the first lookup, not at start, so a department's database being
 * down never stops the hub from starting.
 */
@Validated
@ConfigurationProperties("hub.connectors")
public record ProviderDatabaseProperties(@Valid @DefaultValue Map<String, Database> datasources) {

    /**
     * @param dialect      how SQL is written for it: POSTGRES (default), MYSQL, MARIADB, H2, … (jOOQ's open-source dialects)
     * @param password     give it by environment variable, never in a file
     * @param maxPoolSize  connections the hub may hold
     * @param queryTimeout a lookup running longer is cancelled and answered 504
     */
    public record Database(@NotBlank String url, String username, String password, @NotNull @DefaultValue("POSTGRES") @Pattern(regexp = TableLookup.DIALECTS,
            message = "expected one of " + TableLookup.DIALECTS) String dialect,
                           @Min(1) @Max(50) @DefaultValue("4") int maxPoolSize,
                           @NotNull @DefaultValue("2s") Duration connectTimeout,
                           @NotNull @DefaultValue("3s") Duration queryTimeout) {

        /**
         * A JDBC URL without the secrets it may carry: {@code user:secret@host}, {@code password=secret} (PostgreSQL,
         * MySQL) and {@code password=secret;} (SQL Server) keep their names, not their values.
         */
        static String maskedUrl(String url) {
            if (url == null) {
                return null;
            }
            return url.replaceAll("(//[^/@:?;]+:)[^/@]*@", "$1******@")
                    .replaceAll("(?i)((?:password|pwd|sslpassword|sslkeypassword)\\s*=)[^&;]*", "$1******");
        }

        /** Configuration may be logged: never with its password. */
        @Override
        public String toString() {
            return "Database[url=" + maskedUrl(url) + ", username=" + username + ", password=" + (password == null ? "none" : "******")
                    + ", dialect=" + dialect + ", maxPoolSize=" + maxPoolSize + ", queryTimeout=" + queryTimeout + "]";
        }
    }
}

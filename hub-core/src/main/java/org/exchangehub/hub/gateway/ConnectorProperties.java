package org.exchangehub.hub.gateway;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The provider systems the hub calls, by connector id (the {@code connectorId} of an API mount): adding a provider
 * is configuration. Example:
 * <pre>
 * hub.connectors.systems.market-licence:
 *   family: selfbuilt
 *   base-url: http://10.1.2.3:8080
 *   response-timeout: 3s
 *   operations:
 *     queryByCreditCode: { path: /api/licences/{creditCode} }
 * </pre>
 */
@Validated
@ConfigurationProperties("hub.connectors")
public record ConnectorProperties(@Valid @DefaultValue Map<String, System> systems) {

    /**
     * @param family only {@code selfbuilt} (REST/JSON) for now; provincial and national come with their connectors
     */
    public record System(@NotBlank @Pattern(regexp = "selfbuilt", message = "only 'selfbuilt' connectors exist so far") String family,
                         @NotNull URI baseUrl,
                         @NotNull @DefaultValue("2s") Duration connectTimeout,
                         @NotNull @DefaultValue("5s") Duration responseTimeout,
                         @Valid @DefaultValue Map<String, Operation> operations) {
    }

    /** @param path appended to the base URL; {@code {name}} is replaced by the caller's parameter of that name */
    public record Operation(@NotBlank @Pattern(regexp = "/.*", message = "must start with /") String path) {
    }
}

package org.exchangehub.hub.gateway;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
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
     * @param family      {@code selfbuilt} (REST/JSON GET) or {@code national} (the national platform's sharing gateway:
     *                    signed POST, {@code code/message/data} envelope)
     * @param appKey      national: the hub's app key at the gateway
     * @param appSecret   national: the app secret that keys the signature; give it by environment variable, never in a file
     * @param signature   national: HMAC_SM3 (default) or HMAC_SHA256
     * @param sm4Mode     national: ECB or CBC when bodies are SM4-encrypted; empty for plain JSON
     * @param sm4Key      national with SM4: 32 hex digits
     * @param sm4Iv       national with SM4-CBC: 32 hex digits
     */
    public record System(@NotBlank @Pattern(regexp = "selfbuilt|national", message = "expected selfbuilt or national") String family,
                         @NotNull URI baseUrl,
                         @NotNull @DefaultValue("2s") Duration connectTimeout,
                         @NotNull @DefaultValue("5s") Duration responseTimeout,
                         @Valid @DefaultValue Map<String, Operation> operations,
                         String appKey,
                         String appSecret,
                         @DefaultValue("HMAC_SM3") @Pattern(regexp = "HMAC_SM3|HMAC_SHA256") String signature,
                         @Pattern(regexp = "|ECB|CBC", message = "expected ECB, CBC or nothing") String sm4Mode,
                         @Pattern(regexp = "|[0-9a-fA-F]{32}", message = "expected 32 hex digits") String sm4Key,
                         @Pattern(regexp = "|[0-9a-fA-F]{32}", message = "expected 32 hex digits") String sm4Iv) {

        @AssertTrue(message = "a national connector needs app-key and app-secret, and sm4-key (sm4-iv for CBC) when sm4-mode is set")
        public boolean isNationalComplete() {
            if (!"national".equals(family)) {
                return true;
            }
            boolean credentials = appKey != null && !appKey.isBlank() && appSecret != null && !appSecret.isBlank();
            boolean sm4 = sm4Mode == null || sm4Mode.isBlank()
                    || (sm4Key != null && !sm4Key.isBlank() && (!"CBC".equals(sm4Mode) || (sm4Iv != null && !sm4Iv.isBlank())));
            return credentials && sm4;
        }

        /** Configuration may be logged (start-up, errors): never with its secrets. */
        @Override
        public String toString() {
            return "System[family=" + family + ", baseUrl=" + baseUrl + ", connectTimeout=" + connectTimeout + ", responseTimeout="
                    + responseTimeout + ", operations=" + operations.keySet() + ", appKey=" + appKey + ", appSecret="
                    + (appSecret == null ? "none" : "******") + ", signature=" + signature + ", sm4Mode=" + sm4Mode + "]";
        }
    }

    /** @param path appended to the base URL; {@code {name}} is replaced by the caller's parameter of that name */
    public record Operation(@NotBlank @Pattern(regexp = "/.*", message = "must start with /") String path) {
    }
}

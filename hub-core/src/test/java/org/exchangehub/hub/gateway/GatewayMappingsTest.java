package org.exchangehub.hub.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.exchangehub.hub.mapping.MappingCatalog;
import org.exchangehub.mapping.MappingTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayMappingsTest {

    static Map<String, String> licenceOperation(String request, String response) {
        Map<String, String> m = new HashMap<>();
        String s = "hub.connectors.systems.market-licence.";
        m.put(s + "family", "selfbuilt");
        m.put(s + "base-url", "http://10.1.2.3:8080");
        m.put(s + "operations.queryLicence.path", "/api/v2/licences");
        m.put(s + "operations.queryLicence.request-mapping", request);
        m.put(s + "operations.queryLicence.response-mapping", response);
        return m;
    }

    @Test
    void findsTheShippedGatewayConfigsByName() throws Exception {
        GatewayMappings mappings = new GatewayMappings(ConnectorPropertiesTest.bind(
                licenceOperation("market-regulator-licence-request", "market-regulator-licence-answer")), new MappingCatalog(""));

        assertThat(mappings.named("market-regulator-licence-answer")).get()
                .satisfies(c -> assertThat(c.target()).isEqualTo(MappingTarget.DATA_ITEMS));
        assertThat(mappings.named("")).isEmpty();
    }

    @Test
    void refusesToStartWhenAnOperationNamesAMissingConfigNamingTheSetting() {
        assertThatThrownBy(() -> new GatewayMappings(ConnectorPropertiesTest.bind(
                licenceOperation("market-regulator-licence-request", "market-regulator-licence-anwser")), new MappingCatalog("")))
                .hasMessageContaining("hub.connectors.systems.market-licence.operations.queryLicence.response-mapping")
                .hasMessageContaining("no mapping config named 'market-regulator-licence-anwser'")
                .hasMessageContaining("market-regulator-licence-answer");
    }

    @Test
    void refusesAConfigOfTheWrongTarget() {
        assertThatThrownBy(() -> new GatewayMappings(ConnectorPropertiesTest.bind(
                licenceOperation("market-regulator-licence-answer", "market-regulator-licence-answer")), new MappingCatalog("")))
                .hasMessageContaining("request-mapping: 'market-regulator-licence-answer' maps to DATA_ITEMS, expected REQUEST_PARAMETERS");
    }

    @Test
    void aDirectoryThatIsNotOneStopsTheHubNamingTheSetting() {
        assertThatThrownBy(() -> new MappingCatalog("/no/such/mappings"))
                .hasMessageContaining("hub.mappings.directory (HUB_MAPPINGS_DIR)").hasMessageContaining("is not a directory");
    }

    @Test
    void anOperatorsDirectoryAddsConfigs(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("estate-answer.yaml"), """
                name: estate-answer
                target: data-items
                fields:
                  bdcdyh: {from: result.unitNo, required: true}
                """);

        GatewayMappings mappings = new GatewayMappings(ConnectorPropertiesTest.bind(
                licenceOperation("market-regulator-licence-request", "estate-answer")), new MappingCatalog(dir.toString()));

        assertThat(mappings.named("estate-answer")).isPresent();
    }
}

package org.exchangehub.hub.catalog;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.exchangehub.hub.gateway.ConnectorHealthProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The health probe updates the health of every API mount its connector serves; triggered by hand, not by its schedule. */
class ConnectorHealthProbeIT extends ConnectorIntegrationTest {

    @Autowired
    ConnectorHealthProbe probes;

    static JsonNode mount(Granted g) {
        JsonNode mounts = g.officer().get(path(g.code()) + "/mounts").body();
        assertThat(mounts).hasSize(1);
        return mounts.get(0);
    }

    @Test
    void probeMarksTheMountsOfAnAnsweringProviderUp() {
        Granted first = grantedEntry("probe-up", "query");
        Granted second = grantedEntry("probe-up", "query");
        // any answer below 500 shows a server that is there, a refusal without a token too
        PROVIDER.stubFor(get(urlPathEqualTo("/probe-up")).willReturn(aResponse().withStatus(401)));
        assertThat(mount(first).path("health").asText()).isEqualTo("UNKNOWN");

        assertThat(probes.probe("probe-up").up()).isTrue();
        for (Granted g : new Granted[] {first, second}) {
            JsonNode mount = mount(g);
            assertThat(mount.path("health").asText()).isEqualTo("UP");
            assertThat(mount.path("healthDetail").asText()).startsWith("HTTP 401 in ").endsWith(" ms");
            assertThat(mount.path("healthCheckedAt").isNull()).isFalse();
        }
    }

    @Test
    void probeMarksTheMountsOfAnUnreachableProviderDown() {
        Granted g = grantedEntry("probe-down", "query");
        assertThat(probes.probe("probe-down").up()).isFalse();
        JsonNode mount = mount(g);
        assertThat(mount.path("health").asText()).isEqualTo("DOWN");
        assertThat(mount.path("healthDetail").asText()).contains("unreachable");
    }

    @Test
    void probePathDecidesAndTheHealthFollowsRecovery() {
        Granted g = grantedEntry("probe-path", "query");
        PROVIDER.stubFor(get(urlPathEqualTo("/probe-path/status")).willReturn(aResponse().withStatus(503)));
        probes.probe("probe-path");
        assertThat(mount(g).path("health").asText()).isEqualTo("DOWN");
        assertThat(mount(g).path("healthDetail").asText()).startsWith("HTTP 503");

        PROVIDER.stubFor(get(urlPathEqualTo("/probe-path/status")).willReturn(aResponse().withStatus(200)));
        probes.probe("probe-path");
        assertThat(mount(g).path("health").asText()).isEqualTo("UP");
        assertThat(PROVIDER.findAll(getRequestedFor(urlPathEqualTo("/probe-path/status")).withQueryParam("deep", equalTo("true"))))
                .hasSize(2);
    }
}

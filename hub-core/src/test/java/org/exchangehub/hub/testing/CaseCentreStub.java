package org.exchangehub.hub.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The provincial case centre of the integration tests: one WireMock server per test JVM, started before any Spring
 * context so that {@code hub.return-flow.centre.url} points at it in every context (failsafe sets
 * {@code hub.test.case-centre-stub=true}; unit tests start nothing). By default it acknowledges every batch.
 */
public final class CaseCentreStub implements LauncherSessionListener {

    public static final String PATH = "/province/case-centre/records";
    private static volatile WireMockServer server;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Boolean.getBoolean("hub.test.case-centre-stub") || server != null) {
            return;
        }
        WireMockServer s = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                .containerThreads(20).asynchronousResponseEnabled(false));
        s.start();
        server = s;
        acknowledgeAll();
        System.setProperty("hub.return-flow.centre.url", "http://127.0.0.1:" + s.port() + PATH);
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public static WireMockServer server() {
        if (server == null) {
            throw new IllegalStateException("the case centre stub runs only with -Dhub.test.case-centre-stub=true (failsafe sets it)");
        }
        return server;
    }

    /** The centre's normal answer: 200 with an acknowledgement. */
    public static void acknowledgeAll() {
        server().resetAll();
        server().stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":\"200\",\"message\":\"成功\"}")));
    }

    /** The centre down: 503 for every request. */
    public static void failAll() {
        server().resetMappings();
        server().stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503).withBody("维护中 (maintenance)")));
    }
}

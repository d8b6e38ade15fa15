package org.exchangehub.hub.sso;

import org.exchangehub.hub.sso.keycloak.EmbeddedKeycloak;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says, once the hub is ready, where single sign-on's Keycloak is and where the portal page is. Never a secret. */
@Component
public class SsoStartupReport {

    private static final Logger log = LoggerFactory.getLogger(SsoStartupReport.class);
    private final SsoProperties sso;
    private final ConnectedSystems systems;

    public SsoStartupReport(SsoProperties sso, ConnectedSystems systems) {
        this.sso = sso;
        this.systems = systems;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void report(ApplicationReadyEvent event) {
        if (!sso.enabled()) {
            log.info("Single sign-on is off (no HUB_OIDC_ISSUER, embedded Keycloak disabled)");
            return;
        }
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null
                ? web.getWebServer().getPort() : -1;
        String mode = EmbeddedKeycloak.running().map(k -> "embedded Keycloak at " + k.baseUrl() + " (log: "
                + k.settings().home().resolve("hub-keycloak.log") + ")").orElse("external Keycloak");
        log.info("Single sign-on ready\n  Keycloak   : {}\n  Issuer     : {}\n  Portal     : http://localhost:{}/sso/\n"
                        + "  Launch     : http://localhost:{}/sso/launch/<system id>\n  Systems    : {} connected (GET /api/sso/systems)",
                mode, sso.issuerUri(), port, port, systems.all().size());
    }
}

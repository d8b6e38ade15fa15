package org.exchangehub.hub.sso;

import java.util.List;

import org.exchangehub.catalog.Actor;
import org.exchangehub.catalog.ErrorCode;
import org.exchangehub.catalog.RegistryException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/sso/health}: the synthetic SSO check per connected system (admin). */
@RestController
@ConditionalOnSso
public class SsoHealthController {

    private final SsoHealthCheck check;

    public SsoHealthController(SsoHealthCheck check) {
        this.check = check;
    }

    @GetMapping("/api/sso/health")
    public List<SsoHealthCheck.Result> results(Actor actor) {
        requireAdmin(actor);
        return check.results();
    }

    @PostMapping("/api/sso/health/run")
    public List<SsoHealthCheck.Result> run(Actor actor) {
        requireAdmin(actor);
        return check.runAll();
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.isAdmin()) {
            throw new RegistryException(ErrorCode.FORBIDDEN, "Only an admin sees the SSO health");
        }
    }
}

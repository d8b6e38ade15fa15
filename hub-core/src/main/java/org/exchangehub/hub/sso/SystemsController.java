package org.exchangehub.hub.sso;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exchangehub.catalog.Actor;
import org.exchangehub.catalog.ErrorCode;
import org.exchangehub.catalog.RegistryException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/sso/systems}: the connected systems (bearer token; registering and removing need {@code admin}). The
 * secret of a registered system is in the answer to its registration only.
 */
@RestController
@RequestMapping("/api/sso/systems")
public class SystemsController {

    private final ConnectedSystems systems;

    public SystemsController(ConnectedSystems systems) {
        this.systems = systems;
    }

    /** What a registration sends. */
    public record SystemRequest(ConnectedSystem.Kind kind, String name, String audience, List<URI> launchUrls,
                                URI ticketCallback, Map<String, ConnectedSystem.Exposure> attributes, URI logoutUrl) {
    }

    @GetMapping
    public List<Map<String, Object>> list(Actor actor) {
        return systems.all().stream().map(SystemsController::view).toList();
    }

    @GetMapping("/{id}")
    public Map<String, Object> get(Actor actor, @PathVariable String id) {
        return view(systems.require(id));
    }

    @PutMapping("/{id}")
    public ResponseEntity<Map<String, Object>> register(Actor actor, @PathVariable String id, @RequestBody SystemRequest body) {
        requireAdmin(actor);
        ConnectedSystems.Registered registered = systems.register(new ConnectedSystems.Registration(id, body.kind(),
                body.name(), body.audience(), body.launchUrls(), body.ticketCallback(), body.attributes(), body.logoutUrl()));
        Map<String, Object> answer = view(registered.system());
        answer.put("secret", registered.secret());
        return ResponseEntity.ok().header("Cache-Control", "no-store").body(answer);
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> remove(Actor actor, @PathVariable String id) {
        requireAdmin(actor);
        return systems.remove(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.isAdmin()) {
            throw new RegistryException(ErrorCode.FORBIDDEN, "Only an admin registers connected systems");
        }
    }

    static Map<String, Object> view(ConnectedSystem s) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", s.id());
        view.put("kind", s.kind());
        view.put("name", s.name());
        view.put("audience", s.audience());
        view.put("launchUrls", s.launchUrls());
        view.put("ticketCallback", s.ticketCallback());
        view.put("attributes", s.attributes());
        view.put("logoutUrl", s.logoutUrl());
        view.put("source", s.source());
        view.put("launch", "/sso/launch/" + s.id());
        return view;
    }
}

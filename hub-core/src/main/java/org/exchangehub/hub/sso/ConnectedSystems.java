package org.exchangehub.hub.sso;

import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import org.exchangehub.catalog.ErrorCode;
import org.exchangehub.catalog.FieldProblem;
import org.exchangehub.catalog.RegistryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The connected systems: those configured under {@code hub.sso.systems} and those registered through the API, which
 * live in a Hazelcast map (every node sees them at once; they last while the cluster runs, so keep lasting ones in
 * configuration). A configured id cannot be registered again through the API.
 */
@Component
public class ConnectedSystems {

    private static final Logger log = LoggerFactory.getLogger(ConnectedSystems.class);
    static final String MAP = "sso.systems";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, ConnectedSystem> configured;
    private final IMap<String, ConnectedSystem> registered;

    public ConnectedSystems(SsoProperties sso, HazelcastInstance hazelcast) {
        Map<String, ConnectedSystem> systems = new LinkedHashMap<>();
        sso.systems().forEach((id, s) -> {
            ConnectedSystem system = new ConnectedSystem(id, s.kind(), s.name() == null ? id : s.name(), s.audience(),
                    s.launchUrls(), s.ticketCallback(), StringUtils.hasText(s.secret()) ? ConnectedSystem.hash(s.secret()) : null,
                    s.attributes(), s.logoutUrl(), ConnectedSystem.Source.CONFIGURATION);
            List<String> problems = system.problems();
            if (!problems.isEmpty()) {
                throw new IllegalStateException("hub.sso.systems." + id + " is not valid: " + String.join("; ", problems));
            }
            systems.put(id, system);
        });
        this.configured = Map.copyOf(systems);
        this.registered = hazelcast.getMap(MAP);
        if (!configured.isEmpty()) {
            log.info("Connected systems from configuration: {}", configured.keySet());
        }
    }

    public Optional<ConnectedSystem> find(String id) {
        ConnectedSystem system = configured.get(id);
        return system != null ? Optional.of(system) : Optional.ofNullable(registered.get(id));
    }

    public ConnectedSystem require(String id) {
        return find(id).orElseThrow(() -> new SsoException(ErrorCode.NOT_FOUND, "No connected system '" + id
                + "' (registered systems: GET /api/sso/systems)"));
    }

    public List<ConnectedSystem> all() {
        List<ConnectedSystem> all = new ArrayList<>(configured.values());
        registered.values().stream().filter(s -> !configured.containsKey(s.id())).forEach(all::add);
        all.sort(Comparator.comparing(ConnectedSystem::id));
        return all;
    }

    /**
     * A registration through the API.
     *
     * @param id the system's id
     * @param kind OIDC or LEGACY
     * @param name display name
     * @param audience OIDC: its client id in the realm
     * @param launchUrls the allowed launch URLs
     * @param ticketCallback LEGACY: where users land with a ticket
     * @param attributes LEGACY: granted identity attributes
     * @param logoutUrl where the hub tells it that a session ended
     */
    public record Registration(String id, ConnectedSystem.Kind kind, String name, String audience, List<URI> launchUrls,
                               URI ticketCallback, Map<String, ConnectedSystem.Exposure> attributes, URI logoutUrl) {
    }

    /** A registered system and its secret (legacy systems redeem tickets with it; every system can check the hub's
     * logout notices with it): shown once, the hub keeps only a hash. */
    public record Registered(ConnectedSystem system, String secret) {
    }

    /** Registers (or replaces) a system with a new random secret. */
    public Registered register(Registration r) {
        if (r.id() != null && configured.containsKey(r.id())) {
            throw new RegistryException(ErrorCode.DUPLICATE, "System '" + r.id() + "' is configured (hub.sso.systems);"
                    + " change it in the configuration");
        }
        if (r.kind() == null) {
            throw new RegistryException(ErrorCode.VALIDATION_FAILED, "kind is required",
                    List.of(new FieldProblem("kind", "OIDC or LEGACY")));
        }
        String secret = newSecret();
        ConnectedSystem system = new ConnectedSystem(r.id() == null ? "" : r.id(), r.kind(),
                r.name() == null ? r.id() : r.name(), r.audience(), r.launchUrls(), r.ticketCallback(),
                secret == null ? null : ConnectedSystem.hash(secret), r.attributes(), r.logoutUrl(), ConnectedSystem.Source.API);
        List<String> problems = system.problems();
        if (!problems.isEmpty()) {
            throw new RegistryException(ErrorCode.VALIDATION_FAILED, "The registration is not valid: "
                    + String.join("; ", problems), problems.stream()
                    .map(p -> new FieldProblem(p.substring(0, p.indexOf(':')), p.substring(p.indexOf(':') + 2))).toList());
        }
        registered.put(system.id(), system);
        log.info("Connected system registered: {}", system);
        return new Registered(system, secret);
    }

    public boolean remove(String id) {
        if (configured.containsKey(id)) {
            throw new RegistryException(ErrorCode.INVALID_STATE, "System '" + id + "' is configured; remove it from the configuration");
        }
        return registered.remove(id) != null;
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

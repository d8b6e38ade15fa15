package org.exchangehub.hub.sso;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.exchangehub.catalog.ErrorCode;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /sso/tickets/redeem}: a legacy system, authenticated with its id and registered secret (HTTP Basic),
 * trades the one-time ticket its user arrived with for that user's identity attributes, masked as its registration
 * says. Server to server only: the ticket is worthless to anyone without the system's secret.
 */
@RestController
@ConditionalOnSso
public class TicketController {

    private final ConnectedSystems systems;
    private final Tickets tickets;

    public TicketController(ConnectedSystems systems, Tickets tickets) {
        this.systems = systems;
        this.tickets = tickets;
    }

    @PostMapping(path = "/sso/tickets/redeem", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> redeem(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(name = "ticket", required = false) String ticket) {
        ConnectedSystem system = authenticate(authorization);
        if (ticket == null || ticket.isBlank()) {
            throw new SsoException(ErrorCode.SSO_TICKET_UNKNOWN, "ticket is required (form field ticket=ST-…)");
        }
        SsoIdentity identity = tickets.redeem(ticket.trim(), system);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("system", system.id());
        body.put("attributes", identity.attributesFor(system));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    private ConnectedSystem authenticate(String authorization) {
        SsoException refused = new SsoException(ErrorCode.SSO_SYSTEM_UNAUTHENTICATED, "Authenticate as the system:"
                + " Authorization: Basic base64(<system id>:<secret given at registration>)");
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw refused;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw refused;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw refused;
        }
        String id = decoded.substring(0, colon);
        String secret = decoded.substring(colon + 1);
        ConnectedSystem system = systems.find(id).orElse(null);
        if (system == null || system.kind() != ConnectedSystem.Kind.LEGACY || !system.secretMatches(secret)) {
            throw refused;
        }
        return system;
    }
}

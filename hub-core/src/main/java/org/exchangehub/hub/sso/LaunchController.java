package org.exchangehub.hub.sso;

import java.net.URI;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWTParser;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.exchangehub.catalog.ErrorCode;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code GET /sso/launch/{systemId}}: opens a connected system for the user of the portal session.
 * <ul>
 * <li>OIDC system: the user's token is exchanged at Keycloak for one whose audience is the system, and handed over by
 * an auto-submitting form POST to the registered launch URL (never in a URL, where logs and referrers would keep it);</li>
 * <li>legacy system: a one-time ticket, by redirect to its ticket callback ({@code ?ticket=ST-…}), which the system
 * redeems at {@code POST /sso/tickets/redeem}.</li>
 * </ul>
 * {@code target} picks another registered launch URL (exact scheme, host and port; path by prefix); anything else is
 * refused before any token is issued.
 */
@Controller
@ConditionalOnSso
public class LaunchController {

    private final ConnectedSystems systems;
    private final TokenExchange exchange;
    private final ExchangedTokens exchanged;
    private final Tickets tickets;
    private final SsoSessions sessions;
    private final OAuth2AuthorizedClientManager authorizedClients;
    private final MeterRegistry meters;
    private final SsoClock clock;

    public LaunchController(ConnectedSystems systems, TokenExchange exchange, ExchangedTokens exchanged, Tickets tickets,
                            SsoSessions sessions, OAuth2AuthorizedClientManager authorizedClients, MeterRegistry meters,
                            SsoClock clock) {
        this.systems = systems;
        this.exchange = exchange;
        this.exchanged = exchanged;
        this.tickets = tickets;
        this.sessions = sessions;
        this.authorizedClients = authorizedClients;
        this.meters = meters;
        this.clock = clock;
    }

    @GetMapping("/sso/launch/{systemId}")
    public ResponseEntity<String> launch(@PathVariable String systemId, @RequestParam(required = false) String target,
                                         OAuth2AuthenticationToken authentication, HttpServletRequest request,
                                         HttpServletResponse response) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "refused";
        ConnectedSystem system = systems.require(systemId);
        try {
            URI destination = destination(system, target);
            OidcUser user = (OidcUser) authentication.getPrincipal();
            String sid = user.getClaimAsString("sid");
            OAuth2AuthorizedClient client = authorizedClients.authorize(OAuth2AuthorizeRequest
                    .withClientRegistrationId(SsoConfiguration.REGISTRATION).principal(authentication)
                    .attribute(HttpServletRequest.class.getName(), request)
                    .attribute(HttpServletResponse.class.getName(), response).build());
            if (client == null) {
                throw new SsoException(ErrorCode.SSO_EXCHANGE_FAILED, "The portal session holds no token; sign in again");
            }
            ResponseEntity<String> answer;
            if (system.kind() == ConnectedSystem.Kind.OIDC) {
                String subjectToken = client.getAccessToken().getTokenValue();
                TokenExchange.IssuedToken token = exchanged.get(sid, system.id(),
                        () -> exchange.exchange(subjectToken, system.audience()));
                answer = handOver(system, destination, token, clock);
            } else {
                SsoIdentity identity = identity(user, client.getAccessToken().getTokenValue());
                String ticket = tickets.issue(system, identity);
                UriComponentsBuilder callback = UriComponentsBuilder.fromUri(system.ticketCallback()).queryParam("ticket", ticket);
                if (target != null) {
                    callback.queryParam("target", destination.toString());
                }
                answer = ResponseEntity.status(302).location(callback.encode().build().toUri())
                        .cacheControl(CacheControl.noStore()).header("Referrer-Policy", "no-referrer").build();
            }
            sessions.launched(sid, system.id());
            outcome = "ok";
            return answer;
        } finally {
            sample.stop(Timer.builder("hub.sso.launch").tag("system", system.id()).tag("kind", system.kind().name())
                    .tag("outcome", outcome).description("launches of connected systems").publishPercentileHistogram()
                    .register(meters));
        }
    }

    private static URI destination(ConnectedSystem system, String target) {
        if (target == null) {
            return system.kind() == ConnectedSystem.Kind.LEGACY ? system.ticketCallback() : system.defaultLaunchUrl();
        }
        URI uri;
        try {
            uri = URI.create(target);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || !system.allows(uri)) {
            throw new SsoException(ErrorCode.SSO_LAUNCH_URL_NOT_REGISTERED, "target " + target + " is not a launch URL"
                    + " registered for '" + system.id() + "' (registered: " + system.launchUrls() + "; scheme, host and"
                    + " port must match exactly, the path must lie under a registered one)");
        }
        return uri;
    }

    /** The auto-submitting form that carries the exchanged token to the system. */
    private static ResponseEntity<String> handOver(ConnectedSystem system, URI destination, TokenExchange.IssuedToken token,
                                                   SsoClock clock) {
        long expiresIn = Math.max(0, token.expiresAt().getEpochSecond() - clock.instant().getEpochSecond());
        String name = HtmlUtils.htmlEscape(system.name() == null ? system.id() : system.name());
        String html = """
                <!DOCTYPE html>
                <html lang="zh-CN"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer">
                <title>正在打开 %1$s</title></head>
                <body onload="document.forms[0].submit()">
                <form method="post" action="%2$s">
                <input type="hidden" name="access_token" value="%3$s">
                <input type="hidden" name="token_type" value="Bearer">
                <input type="hidden" name="expires_in" value="%4$d">
                <noscript><p>正在打开 %1$s · Opening %1$s</p><button type="submit">继续 · Continue</button></noscript>
                </form></body></html>
                """.formatted(name, HtmlUtils.htmlEscape(destination.toString()), HtmlUtils.htmlEscape(token.accessToken()), expiresIn);
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.PRAGMA, "no-cache")
                .header("Referrer-Policy", "no-referrer")
                .body(html);
    }

    /** The user behind the session: ID token claims, realm roles from the hub's own access token. */
    static SsoIdentity identity(OidcUser user, String accessToken) {
        List<String> roles = new ArrayList<>();
        try {
            Object realmAccess = JWTParser.parse(accessToken).getJWTClaimsSet().getClaim("realm_access");
            if (realmAccess instanceof Map<?, ?> m && m.get("roles") instanceof Collection<?> c) {
                c.stream().map(String::valueOf).filter(r -> !r.startsWith("default-roles-") && !"offline_access".equals(r)
                        && !"uma_authorization".equals(r)).sorted().forEach(roles::add);
            }
        } catch (ParseException e) {
            // an opaque token: no roles
        }
        return new SsoIdentity(user.getSubject(), user.getClaimAsString("sid"), user.getPreferredUsername(),
                user.getFullName(), user.getEmail(), user.getClaimAsString("department_code"),
                user.getClaimAsString("id_number"), roles);
    }
}

package org.exchangehub.hub.sso;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import org.exchangehub.catalog.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /sso/backchannel-logout}: Keycloak's back-channel logout (OpenID Connect Back-Channel Logout 1.0) for the
 * hub's client. The logout token authenticates the call: signed by the realm's key, issued by it, for the hub's client,
 * with the back-channel logout event, a session id and no nonce. The session is then ended cluster-wide
 * ({@link SsoSessions}), its exchanged tokens are forgotten and the systems it opened are told ({@link LogoutRelay}).
 */
@RestController
@ConditionalOnSso
public class BackchannelLogoutController {

    private static final Logger log = LoggerFactory.getLogger(BackchannelLogoutController.class);
    static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";

    private final JwtDecoder logoutTokens;
    private final SsoSessions sessions;
    private final ExchangedTokens exchanged;
    private final LogoutRelay relay;

    public BackchannelLogoutController(SsoProperties sso, SsoSessions sessions, ExchangedTokens exchanged, LogoutRelay relay) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(sso.issuerUri() + "/protocol/openid-connect/certs")
                .jwtProcessorCustomizer(p -> p.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(
                        JOSEObjectType.JWT, new JOSEObjectType("logout+jwt"), new JOSEObjectType("Logout"), null)))
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(sso.issuerUri()),
                logoutTokenRules(sso.clientId())));
        this.logoutTokens = decoder;
        this.sessions = sessions;
        this.exchanged = exchanged;
        this.relay = relay;
    }

    static OAuth2TokenValidator<Jwt> logoutTokenRules(String clientId) {
        return jwt -> {
            List<String> aud = jwt.getAudience();
            Object events = jwt.getClaims().get("events");
            String problem = null;
            if (aud == null || !aud.contains(clientId)) {
                problem = "aud does not name the hub's client " + clientId;
            } else if (!(events instanceof Map<?, ?> m) || !m.containsKey(EVENT)) {
                problem = "events does not hold " + EVENT;
            } else if (jwt.getClaims().containsKey("nonce")) {
                problem = "a logout token carries no nonce";
            } else if (jwt.getClaimAsString("sid") == null) {
                problem = "sid is missing (the hub's client asks for it: backchannel.logout.session.required)";
            }
            return problem == null ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", problem, null));
        };
    }

    @PostMapping("/sso/backchannel-logout")
    public ResponseEntity<Void> logout(@RequestParam(name = "logout_token", required = false) String logoutToken) {
        if (logoutToken == null || logoutToken.isBlank()) {
            throw new SsoException(ErrorCode.SSO_LOGOUT_TOKEN_INVALID, "logout_token is required");
        }
        Jwt token;
        try {
            token = logoutTokens.decode(logoutToken);
        } catch (JwtException e) {
            throw new SsoException(ErrorCode.SSO_LOGOUT_TOKEN_INVALID, "The logout token is not valid: " + e.getMessage());
        }
        String sid = token.getClaimAsString("sid");
        Set<String> systems = sessions.end(sid);
        exchanged.forgetSession(sid);
        log.info("Keycloak ended session {} (back-channel logout); telling {} system(s) it opened", sid, systems.size());
        relay.tell(token.getSubject(), sid, systems);
        return ResponseEntity.ok().header("Cache-Control", "no-store").build();
    }
}

package org.exchangehub.hub.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.exchangehub.catalog.Actor;
import org.exchangehub.catalog.Role;
import org.exchangehub.catalog.grant.ConsumerSystemService;
import org.exchangehub.catalog.grant.ConsumerSystemService.AppCredential;
import org.exchangehub.connectors.signing.RequestSignature;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates legacy consuming systems that sign instead of using OAuth2: headers {@code X-App-Key},
 * {@code X-Timestamp} (milliseconds), {@code X-Nonce} and {@code X-Signature} = HMAC(app secret, app key +
 * timestamp + nonce + request target), the request target being the path with its query string. A timestamp
 * outside the clock window, a nonce seen before (remembered cluster-wide in Hazelcast) or a wrong signature is
 * refused. Accepted only for shared calls ({@code /api/shared/**}).
 */
public class AppKeySignatureFilter extends OncePerRequestFilter {

    public static final String APP_KEY = "X-App-Key";
    static final String NONCES = "security.app-key-nonces";
    static final Duration CLOCK_WINDOW = Duration.ofMinutes(5);

    private final ConsumerSystemService consumers;
    private final SecretBox secrets;
    private final IMap<String, Long> nonces;
    private final ObjectMapper json;

    public AppKeySignatureFilter(ConsumerSystemService consumers, SecretBox secrets, HazelcastInstance hazelcast, ObjectMapper json) {
        this.consumers = consumers;
        this.secrets = secrets;
        // a nonce must be remembered for as long as its timestamp could still be accepted
        hazelcast.getConfig().addMapConfig(new MapConfig(NONCES).setTimeToLiveSeconds((int) CLOCK_WINDOW.multipliedBy(2).toSeconds()));
        this.nonces = hazelcast.getMap(NONCES);
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(APP_KEY) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> refusal = authenticate(request);
        if (refusal.isPresent()) {
            SecurityConfig.problem(json, response, HttpStatus.UNAUTHORIZED, "Signature refused", refusal.get());
            return;
        }
        chain.doFilter(request, response);
    }

    private Optional<String> authenticate(HttpServletRequest request) {
        if (request.getHeader("Authorization") != null) {
            return Optional.of("Send either a bearer token or an app-key signature, not both");
        }
        if (!request.getRequestURI().startsWith("/api/shared/")) {
            return Optional.of("App-key signatures are accepted for shared calls (/api/shared/…) only; use a bearer token here");
        }
        String appKey = request.getHeader(APP_KEY);
        String timestamp = request.getHeader("X-Timestamp");
        String nonce = request.getHeader("X-Nonce");
        String signature = request.getHeader("X-Signature");
        List<String> missing = new ArrayList<>();
        if (timestamp == null || timestamp.isBlank()) {
            missing.add("X-Timestamp");
        }
        if (nonce == null || nonce.isBlank()) {
            missing.add("X-Nonce");
        }
        if (signature == null || signature.isBlank()) {
            missing.add("X-Signature");
        }
        if (!missing.isEmpty()) {
            return Optional.of("Missing header(s) " + missing + ": a signed call carries X-App-Key, X-Timestamp, X-Nonce and X-Signature");
        }
        long sent;
        try {
            sent = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return Optional.of("X-Timestamp must be milliseconds since the epoch, got '" + timestamp + "'");
        }
        if (Math.abs(System.currentTimeMillis() - sent) > CLOCK_WINDOW.toMillis()) {
            return Optional.of("X-Timestamp is more than " + CLOCK_WINDOW.toMinutes() + " minutes from the hub's clock: expired or the clock is off");
        }
        if (nonce.length() > 64) {
            return Optional.of("X-Nonce must be at most 64 characters");
        }
        Optional<AppCredential> credential = consumers.byAppKey(appKey);
        if (credential.isEmpty() || credential.get().secretCiphertext() == null) {
            return Optional.of("Unknown app key '" + appKey + "'");
        }
        String target = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        RequestSignature.Algorithm algorithm = RequestSignature.Algorithm.valueOf(credential.get().algorithm());
        if (!RequestSignature.verify(algorithm, secrets.open(credential.get().secretCiphertext()), appKey, timestamp, nonce, target, signature)) {
            return Optional.of("Wrong signature: expected " + algorithm + " of app key + timestamp + nonce + request target (" + target
                    + ") keyed with the app secret, as lower-case hex");
        }
        // only after the signature checks out, so a forger cannot burn a legitimate caller's nonces
        if (nonces.putIfAbsent(appKey + ":" + nonce, sent, CLOCK_WINDOW.multipliedBy(2).toSeconds(), TimeUnit.SECONDS) != null) {
            return Optional.of("Replayed request: nonce '" + nonce + "' was already used");
        }
        ConsumerSystemService.AppCredential c = credential.get();
        Actor actor = new Actor(c.system().clientId(), EnumSet.of(Role.CONSUMER), null, c.system().clientId());
        SecurityContextHolder.getContext().setAuthentication(new SignedCallAuthentication(actor));
        return Optional.empty();
    }

    /** The authentication of a signed call: a consuming system, role consumer. */
    public static final class SignedCallAuthentication extends AbstractAuthenticationToken {

        private final transient Actor actor;

        SignedCallAuthentication(Actor actor) {
            super(List.of(new SimpleGrantedAuthority("ROLE_" + Role.CONSUMER.tokenName())));
            this.actor = actor;
            setAuthenticated(true);
        }

        public Actor actor() {
            return actor;
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return actor.username();
        }
    }
}

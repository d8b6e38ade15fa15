package org.exchangehub.hub.sso;

import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The portal sessions Keycloak has ended (back-channel logout) and the systems each session opened, both cluster-wide
 * in Hazelcast: a logout token may reach any node, the user's next request another one. {@link #filter()} ends the
 * hub's own session on whichever node it next shows up.
 */
@Component
public class SsoSessions {

    static final String ENDED = "sso.sessions.ended";
    static final String LAUNCHED = "sso.sessions.launched";
    /** Longer than the realm's longest session (10 h). */
    static final Duration REMEMBER = Duration.ofHours(12);

    private final IMap<String, Long> ended;
    private final IMap<String, HashSet<String>> launched;

    public SsoSessions(HazelcastInstance hazelcast) {
        this.ended = hazelcast.getMap(ENDED);
        this.launched = hazelcast.getMap(LAUNCHED);
    }

    public boolean hasEnded(String sid) {
        return sid != null && ended.containsKey(sid);
    }

    /** Marks a Keycloak session ended; returns the systems it had opened. */
    public Set<String> end(String sid) {
        ended.set(sid, System.currentTimeMillis(), REMEMBER.toMillis(), TimeUnit.MILLISECONDS);
        HashSet<String> systems = launched.remove(sid);
        return systems == null ? Set.of() : systems;
    }

    /** Remembers that a session opened a system (to tell it when the session ends). */
    public void launched(String sid, String systemId) {
        if (sid == null) {
            return;
        }
        HashSet<String> current = launched.get(sid);
        if (current != null && current.contains(systemId)) {
            return;
        }
        launched.executeOnKey(sid, entry -> {
            HashSet<String> systems = entry.getValue() == null ? new HashSet<>() : entry.getValue();
            systems.add(systemId);
            entry.setValue(systems);
            return null;
        });
        launched.setTtl(sid, REMEMBER.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Ends the hub's session of a request whose Keycloak session has ended, so the user must sign in again. */
    public OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                if (auth instanceof OAuth2AuthenticationToken token && token.getPrincipal() instanceof OidcUser user
                        && hasEnded(user.getClaimAsString("sid"))) {
                    HttpSession session = request.getSession(false);
                    if (session != null) {
                        session.invalidate();
                    }
                    SecurityContextHolder.clearContext();
                }
                chain.doFilter(request, response);
            }
        };
    }
}

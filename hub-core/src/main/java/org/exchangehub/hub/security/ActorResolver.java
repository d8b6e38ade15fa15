package org.exchangehub.hub.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.exchangehub.catalog.Actor;
import org.exchangehub.catalog.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Gives controller methods the {@link Actor} behind the request's token. */
public class ActorResolver implements HandlerMethodArgumentResolver {

    /** The actor of a browser session (the console's portal login); absent when single sign-on is off. */
    public interface SessionActors {
        Actor actorOf(OAuth2AuthenticationToken session, HttpServletRequest request, HttpServletResponse response);
    }

    static final String DEPARTMENT_CLAIM = "department_code";

    private final ObjectProvider<SessionActors> sessions;

    public ActorResolver(ObjectProvider<SessionActors> sessions) {
        this.sessions = sessions;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Actor.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof AppKeySignatureFilter.SignedCallAuthentication signed) {
            return signed.actor();
        }
        if (auth instanceof OAuth2AuthenticationToken session) {
            SessionActors actors = sessions.getIfAvailable();
            if (actors == null) {
                throw new IllegalStateException("A browser session without single sign-on");
            }
            return actors.actorOf(session, request.getNativeRequest(HttpServletRequest.class),
                    request.getNativeResponse(HttpServletResponse.class));
        }
        if (!(auth instanceof JwtAuthenticationToken token)) {
            throw new IllegalStateException("No token on an authenticated endpoint");
        }
        return actorOf(token.getToken());
    }

    /** Roles from Keycloak's {@code realm_access.roles} (or a plain {@code roles} claim); unknown roles are ignored. */
    public static Actor actorOf(Jwt jwt) {
        String username = jwt.getClaimAsString("preferred_username");
        String client = jwt.getClaimAsString("azp") != null ? jwt.getClaimAsString("azp") : jwt.getClaimAsString("client_id");
        return new Actor(username != null ? username : jwt.getSubject(), roles(jwt), jwt.getClaimAsString(DEPARTMENT_CLAIM), client);
    }

    static Set<Role> roles(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Object realmAccess = jwt.getClaims().get("realm_access");
        if (realmAccess instanceof Map<?, ?> m && m.get("roles") instanceof Collection<?> c) {
            c.forEach(r -> Role.fromTokenName(String.valueOf(r)).ifPresent(roles::add));
        }
        if (jwt.getClaims().get("roles") instanceof Collection<?> c) {
            c.forEach(r -> Role.fromTokenName(String.valueOf(r)).ifPresent(roles::add));
        }
        return roles;
    }
}

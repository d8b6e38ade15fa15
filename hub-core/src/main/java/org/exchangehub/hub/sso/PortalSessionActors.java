package org.exchangehub.hub.sso;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.exchangehub.catalog.Actor;
import org.exchangehub.hub.security.ActorResolver;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.stereotype.Component;

/**
 * The actor behind a portal session: the session's Keycloak access token (refreshed when it has expired), checked
 * by the same decoder as the API's bearer tokens. Roles and department therefore mean the same in the console as in
 * the API, and a session whose Keycloak login has ended stops working at the next refresh.
 */
@Component
@ConditionalOnSso
public class PortalSessionActors implements ActorResolver.SessionActors {

    private final OAuth2AuthorizedClientManager clients;
    private final JwtDecoder tokens;

    public PortalSessionActors(OAuth2AuthorizedClientManager clients, JwtDecoder tokens) {
        this.clients = clients;
        this.tokens = tokens;
    }

    @Override
    public Actor actorOf(OAuth2AuthenticationToken session, HttpServletRequest request, HttpServletResponse response) {
        OAuth2AuthorizedClient client = clients.authorize(OAuth2AuthorizeRequest
                .withClientRegistrationId(SsoConfiguration.REGISTRATION)
                .principal(session)
                .attribute(HttpServletRequest.class.getName(), request)
                .attribute(HttpServletResponse.class.getName(), response)
                .build());
        if (client == null) {
            throw new AuthenticationCredentialsNotFoundException("The portal session holds no access token; sign in again");
        }
        return ActorResolver.actorOf(tokens.decode(client.getAccessToken().getTokenValue()));
    }
}

package org.exchangehub.hub.sso;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Single sign-on's wiring. Two filter chains in front of the hub's bearer-token API chain, both for {@code /sso/**}
 * only:
 * <ul>
 * <li>server to server ({@code /sso/tickets/**}, {@code /sso/backchannel-logout}): no session, no CSRF; each endpoint
 * authenticates its caller itself (a system's registered secret, Keycloak's signed logout token);</li>
 * <li>the browser: the portal session, an OAuth2 login against Keycloak (authorization code with PKCE, the hub's
 * confidential client) kept in the HTTP session; anyone without one is sent to Keycloak, which signs them in without a
 * form when they already have a Keycloak session (the portal's).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class SsoConfiguration {

    /** The registration id of the hub's client; part of its redirect URI. */
    public static final String REGISTRATION = "keycloak";
    static final String AUTHORIZATION_BASE = "/sso/oauth2/authorization";

    @Bean("ssoClock")
    SsoClock ssoClock() {
        return new SsoClock(Clock.systemUTC());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnSso
    static class Enabled {

        @Bean
        TokenExchange tokenExchange(SsoProperties sso, ObjectMapper json, SsoClock clock, MeterRegistry meters) {
            return new TokenExchange(sso, json, clock, meters);
        }

        @Bean
        ExchangedTokens exchangedTokens(SsoProperties sso, SsoClock clock, MeterRegistry meters) {
            return new ExchangedTokens(sso.exchangeCacheMargin(), clock, meters);
        }

        @Bean
        ClientRegistrationRepository clientRegistrations(SsoProperties sso) {
            String issuer = sso.issuerUri();
            String oidc = issuer + "/protocol/openid-connect";
            ClientRegistration keycloak = ClientRegistration.withRegistrationId(REGISTRATION)
                    .clientId(sso.clientId())
                    .clientSecret(sso.clientSecret())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("{baseUrl}/sso/login/oauth2/code/{registrationId}")
                    .scope("openid", "profile", "email")
                    .authorizationUri(oidc + "/auth")
                    .tokenUri(oidc + "/token")
                    .jwkSetUri(oidc + "/certs")
                    .issuerUri(issuer)
                    .userNameAttributeName(IdTokenClaimNames.SUB)
                    .providerConfigurationMetadata(Map.of("end_session_endpoint", oidc + "/logout"))
                    .clientName("Keycloak")
                    .build();
            return new InMemoryClientRegistrationRepository(keycloak);
        }

        @Bean
        OAuth2AuthorizedClientRepository authorizedClients() {
            return new HttpSessionOAuth2AuthorizedClientRepository();
        }

        @Bean
        OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
                                                              OAuth2AuthorizedClientRepository authorizedClients) {
            DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
            manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                    .authorizationCode().refreshToken().build());
            return manager;
        }

        @Bean
        @Order(1)
        SecurityFilterChain ssoServerToServer(HttpSecurity http) throws Exception {
            http.securityMatcher("/sso/tickets/**", "/sso/backchannel-logout")
                    // each endpoint authenticates its caller: a system's secret, Keycloak's signed logout token
                    .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                    .csrf(c -> c.disable())
                    .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .requestCache(c -> c.disable())
                    .securityContext(c -> c.disable())
                    .anonymous(a -> a.disable())
                    .httpBasic(b -> b.disable())
                    .formLogin(f -> f.disable());
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain ssoBrowser(HttpSecurity http, ClientRegistrationRepository registrations,
                                       OAuth2AuthorizedClientRepository authorizedClients, SsoSessions sessions,
                                       ObjectMapper json) throws Exception {
            DefaultOAuth2AuthorizationRequestResolver resolver =
                    new DefaultOAuth2AuthorizationRequestResolver(registrations, AUTHORIZATION_BASE);
            resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce()
                    .andThen(IdentityProviderHint.CUSTOMIZER));
            OidcClientInitiatedLogoutSuccessHandler logoutSuccess = new OidcClientInitiatedLogoutSuccessHandler(registrations);
            logoutSuccess.setPostLogoutRedirectUri("{baseUrl}/sso/logged-out");
            // the console (/console/**) rides on the same portal session: one login for both
            http.securityMatcher("/sso/**", "/console/**")
                    .authorizeHttpRequests(a -> a
                            .requestMatchers("/sso/logged-out", "/console/assets/**").permitAll()
                            .anyRequest().authenticated())
                    .oauth2Login(o -> o
                            .authorizationEndpoint(e -> e.baseUri(AUTHORIZATION_BASE).authorizationRequestResolver(resolver))
                            .redirectionEndpoint(r -> r.baseUri("/sso/login/oauth2/code/*"))
                            .authorizedClientRepository(authorizedClients))
                    .addFilterBefore(sessions.filter(), AuthorizationFilter.class)
                    .exceptionHandling(e -> e.authenticationEntryPoint(new IdentityProviderHint.EntryPoint(
                            AUTHORIZATION_BASE + "/" + REGISTRATION)))
                    .logout(l -> l.logoutUrl("/sso/logout").logoutSuccessHandler(logoutSuccess))
                    .httpBasic(b -> b.disable())
                    .formLogin(f -> f.disable());
            return http.build();
        }
    }

    /** Lets {@code /sso/launch/{id}?idp=national} go straight to a brokered identity provider (Keycloak's kc_idp_hint). */
    static final class IdentityProviderHint {

        static final String PARAMETER = "kc_idp_hint";

        static final java.util.function.Consumer<org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest.Builder> CUSTOMIZER =
                builder -> {
                    var attributes = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
                    if (attributes instanceof org.springframework.web.context.request.ServletRequestAttributes servlet) {
                        String hint = servlet.getRequest().getParameter(PARAMETER);
                        if (hint != null && hint.matches("[a-z0-9-]{1,40}")) {
                            builder.additionalParameters(p -> p.put(PARAMETER, hint));
                        }
                    }
                };

        /** Sends an unauthenticated browser to the hub's authorization endpoint, passing {@code idp} on as the hint. */
        static final class EntryPoint extends LoginUrlAuthenticationEntryPoint {

            EntryPoint(String loginUrl) {
                super(loginUrl);
            }

            @Override
            protected String determineUrlToUseForThisRequest(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
                                                             org.springframework.security.core.AuthenticationException e) {
                String idp = request.getParameter("idp");
                String url = getLoginFormUrl();
                return idp != null && idp.matches("[a-z0-9-]{1,40}")
                        ? UriComponentsBuilder.fromPath(url).queryParam(PARAMETER, idp).build().toUriString() : url;
            }
        }
    }

    static void problem(ObjectMapper json, jakarta.servlet.http.HttpServletResponse res, HttpStatus status, String code,
                        String title, String detail) throws IOException {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setProperty("code", code);
        res.setStatus(status.value());
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(res.getOutputStream(), p);
    }
}

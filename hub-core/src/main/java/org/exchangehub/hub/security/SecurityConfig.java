package org.exchangehub.hub.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import com.hazelcast.core.HazelcastInstance;
import org.exchangehub.catalog.Actor;
import org.exchangehub.catalog.grant.ConsumerSystemService;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.exchangehub.hub.runtime.HubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every endpoint needs a bearer token (JWT) except the root page, health and the API docs. Tokens come from the
 * configured OIDC issuer (Keycloak) or, without one, from the hub's local development key ({@code ./hub token}).
 */
@Configuration
public class SecurityConfig {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

    static {
        // the Actor argument comes from the token, not from the request: keep it out of the API docs
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    @Bean
    SecretBox secretBox(HubProperties hub) {
        return SecretBox.of(hub.security().secretKey(), hub.dataDir());
    }

    /**
     * Shared calls through the gateway: a bearer token or an app-key signature and nothing else. The chain has only
     * the filters such a call needs (no anonymous user, request cache, logout or servlet API wrapper, one matcher),
     * as every filter and request wrapper is paid on each of thousands of calls a second.
     */
    @Bean
    @org.springframework.core.annotation.Order(10)
    SecurityFilterChain sharedCalls(HttpSecurity http, ObjectMapper json, ConsumerSystemService consumers, SecretBox secrets,
                                    HazelcastInstance hazelcast) throws Exception {
        http.securityMatcher(org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults()
                .matcher(SHARED_CALLS));
        http.authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .requestCache(c -> c.disable())
                .logout(l -> l.disable())
                .servletApi(s -> s.disable())
                .anonymous(a -> a.disable());
        bearerOrSignature(http, json, consumers, secrets, hazelcast);
        http.exceptionHandling(e -> e
                .authenticationEntryPoint((req, res, ex) -> problem(json, res, HttpStatus.UNAUTHORIZED,
                        "Authentication required", "Send a bearer token: Authorization: Bearer <JWT>"))
                .accessDeniedHandler((req, res, ex) -> problem(json, res, HttpStatus.FORBIDDEN, "Not allowed for this user", ex.getMessage())));
        return http.build();
    }

    static final String SHARED_CALLS = "/api/shared/**";

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, ConsumerSystemService consumers, SecretBox secrets,
                            HazelcastInstance hazelcast) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/", "/index.html", "/favicon.ico", "/error").permitAll()
                        // the console's scripts and styles (public libraries and our own, no data)
                        .requestMatchers("/webjars/**", "/console/assets/**").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("admin")
                        .anyRequest().authenticated());
        bearerOrSignature(http, json, consumers, secrets, hazelcast);
        http.exceptionHandling(e -> e
                        // the console signs in through the portal session, whose chain exists only with single sign-on
                        .defaultAuthenticationEntryPointFor((req, res, ex) -> consoleNeedsSingleSignOn(res),
                                org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults()
                                        .matcher("/console/**"))
                        .defaultAuthenticationEntryPointFor((req, res, ex) -> problem(json, res, HttpStatus.UNAUTHORIZED,
                                "Authentication required", "Send a bearer token: Authorization: Bearer <JWT>"),
                                org.springframework.security.web.util.matcher.AnyRequestMatcher.INSTANCE)
                        .accessDeniedHandler((req, res, ex) -> problem(json, res, HttpStatus.FORBIDDEN,
                                "Not allowed for this user", ex.getMessage())))
                .anonymous(Customizer.withDefaults());
        return http.build();
    }

    /** How both API chains authenticate: a legacy consumer's app-key signature, or a bearer token (JWT); no sessions. */
    private static void bearerOrSignature(HttpSecurity http, ObjectMapper json, ConsumerSystemService consumers, SecretBox secrets,
                                          HazelcastInstance hazelcast) throws Exception {
        http.addFilterBefore(new AppKeySignatureFilter(consumers, secrets, hazelcast, json), BearerTokenAuthenticationFilter.class)
                .csrf(c -> c.disable()) // bearer tokens only, no cookies: nothing for CSRF to ride on
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(o -> o
                        .bearerTokenResolver(new HeaderBearerTokens())
                        .jwt(j -> j.jwtAuthenticationConverter(jwt -> new org.springframework.security.oauth2.server.resource
                                .authentication.JwtAuthenticationToken(jwt, ActorResolver.roles(jwt).stream()
                                .map(r -> new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_" + r.tokenName()))
                                .toList(), ActorResolver.actorOf(jwt).username())))
                        .authenticationEntryPoint((req, res, e) -> problem(json, res, HttpStatus.UNAUTHORIZED,
                                "Authentication required", "Send a bearer token: Authorization: Bearer <JWT> (" + e.getMessage() + ")"))
                        .accessDeniedHandler((req, res, e) -> problem(json, res, HttpStatus.FORBIDDEN,
                                "Not allowed for this user", e.getMessage())))
                .httpBasic(h -> h.disable())
                .formLogin(f -> f.disable());
    }

    /** Every chain's requests pass the strict firewall, with its header rules checked without regular expressions. */
    @Bean
    org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer strictFirewall() {
        return web -> web.httpFirewall(RequestFirewall.strict());
    }

    @Bean
    JwtDecoder jwtDecoder(HubProperties hub, org.springframework.core.env.Environment environment) {
        if (hub.security().hasIssuer()) {
            String issuer = hub.security().issuerUri();
            String audience = hub.security().audience();
            log.info("Accepting tokens from OIDC issuer {} for audience {}", issuer, audience);
            return new VerifiedTokenCache(issuerDecoder(issuer, audience), java.time.Clock.systemUTC());
        }
        LocalSigningKey key = LocalSigningKey.inDataDir(hub.dataDir());
        log.info("No OIDC issuer configured (HUB_OIDC_ISSUER): accepting tokens signed by the local development key in {}; "
                + "make one with ./hub token", hub.dataDir().toAbsolutePath().normalize());
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(key.publicKey()).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(LocalSigningKey.ISSUER)));
        String embeddedKeycloak = environment.getProperty("hub.sso.issuer-uri");
        if (embeddedKeycloak != null && !embeddedKeycloak.isBlank()) {
            // the Keycloak the hub runs itself for single sign-on: its tokens are good here too
            log.info("Also accepting tokens from the embedded Keycloak {} for audience {}", embeddedKeycloak, hub.security().audience());
            return new VerifiedTokenCache(new IssuerRoutingJwtDecoder(Map.of(LocalSigningKey.ISSUER, decoder,
                    embeddedKeycloak, issuerDecoder(embeddedKeycloak, hub.security().audience()))), java.time.Clock.systemUTC());
        }
        return new VerifiedTokenCache(decoder, java.time.Clock.systemUTC());
    }

    /** Tokens of an OIDC issuer for an audience; the issuer's keys are fetched on first use (it may still be starting). */
    static JwtDecoder issuerDecoder(String issuer, String audience) {
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(issuer);
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
                    new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(audience))));
            return decoder;
        });
    }

    @Bean
    WebMvcConfigurer actorArguments(org.springframework.beans.factory.ObjectProvider<ActorResolver.SessionActors> sessions) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new ActorResolver(sessions));
            }
        };
    }

    private static void consoleNeedsSingleSignOn(jakarta.servlet.http.HttpServletResponse res) throws IOException {
        res.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        res.setContentType("text/html;charset=UTF-8");
        res.getWriter().write("""
                <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>控制台 · console</title></head><body>
                <h1>控制台需要统一身份认证 · The console signs in through single sign-on</h1>
                <p>本枢纽未启用统一身份认证（HUB_KEYCLOAK=false 且未设置 HUB_OIDC_ISSUER）。
                Single sign-on is off on this hub: start it with its embedded Keycloak (the default) or set HUB_OIDC_ISSUER,
                then open /console again. The API still works with bearer tokens (./hub token).</p>
                </body></html>
                """);
    }

    static void problem(ObjectMapper json, jakarta.servlet.http.HttpServletResponse res, HttpStatus status, String title,
                        String detail) throws IOException {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setProperties(Map.of("code", status == HttpStatus.UNAUTHORIZED ? "UNAUTHENTICATED" : "FORBIDDEN"));
        res.setStatus(status.value());
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(res.getOutputStream(), p);
    }
}

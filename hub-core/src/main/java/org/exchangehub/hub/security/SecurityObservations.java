package org.exchangehub.hub.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * No observations of Spring Security's filter chain, authentication and authorization. With observations merely
 * disabled by property, every filter of every request was still wrapped in an observing decorator: 5 % of a gateway
 * call's CPU for spans nobody collects. HTTP request metrics (http.server.requests) are not affected.
 */
@Configuration
class SecurityObservations {

    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }
}

package org.exchangehub.hub.demo;

import org.exchangehub.catalog.calls.CallLog;
import org.exchangehub.catalog.department.DepartmentService;
import org.exchangehub.catalog.entry.EntryService;
import org.exchangehub.catalog.grant.ConsumerSystemService;
import org.exchangehub.catalog.grant.SharingService;
import org.exchangehub.catalog.item.ServiceItemService;
import org.exchangehub.catalog.mount.MountService;
import org.exchangehub.catalog.search.EntrySearch;
import org.exchangehub.hub.gateway.SharedCallService;
import org.exchangehub.hub.returnflow.ReturnFlowProperties;
import org.exchangehub.returnflow.completeness.CompletenessReports;
import org.exchangehub.returnflow.completeness.Manifests;
import org.exchangehub.returnflow.intake.CaseIntake;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The demo (hub.demo.enabled, HUB_DEMO): the fictional provider, the seeder of the demo city and the case streams. None
 * of these beans exists otherwise.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "hub.demo", name = "enabled", havingValue = "true")
class DemoConfiguration {

    /**
     * The fictional provider is called by the hub's own connector, which sends no token (a self-built REST service of a
     * department is reached on the government network without one); only its path is open, and only in the demo.
     */
    @Bean
    @Order(0)
    SecurityFilterChain demoProvider(HttpSecurity http) throws Exception {
        http.securityMatcher(DemoProviderController.BASE + "/**")
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
    DemoSeeder demoSeeder(DepartmentService departments, ServiceItemService items, EntryService entries, EntrySearch search,
                          MountService mounts, ConsumerSystemService consumers, SharingService sharing, CallLog callLog,
                          SharedCallService gateway) {
        return new DemoSeeder(departments, items, entries, search, mounts, consumers, sharing, callLog, gateway);
    }

    @Bean
    DemoDepartmentTables demoDepartmentTables(JdbcTemplate jdbc) {
        return new DemoDepartmentTables(jdbc);
    }

    @Bean(destroyMethod = "stop")
    DemoCaseStreams demoCaseStreams(DemoProperties demo, ReturnFlowProperties returnFlow, CaseIntake intake, Manifests manifests,
                                    CompletenessReports completeness, KafkaTemplate<String, String> kafka,
                                    DemoDepartmentTables tables, SharedCallService gateway) {
        return new DemoCaseStreams(demo, returnFlow, intake, manifests, completeness, kafka, tables, gateway);
    }

    @Bean
    DemoRunner demoRunner(DemoSeeder seeder, DemoDepartmentTables tables, DemoCaseStreams streams) {
        return new DemoRunner(seeder, tables, streams);
    }
}

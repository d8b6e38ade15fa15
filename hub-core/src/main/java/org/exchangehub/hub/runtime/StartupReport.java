package org.exchangehub.hub.runtime;

import java.util.List;
import java.util.regex.Pattern;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** Logs, once the hub is ready, what runs where and the URLs to open. Never logs a password. */
@Component
public class StartupReport implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;](password|pwd|sslpassword)=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@?]*):[^/@?]*@");

    private final HubProperties hub;
    private final ObjectProvider<HazelcastInstance> hazelcast;

    public StartupReport(HubProperties hub, ObjectProvider<HazelcastInstance> hazelcast) {
        this.hub = hub;
        this.hazelcast = hazelcast;
    }

    /**
     * What the report says.
     *
     * @param postgresMode "embedded" or "external"
     * @param jdbcUrl the datasource URL (redacted before printing)
     * @param kafkaMode "embedded" or "external"
     * @param kafkaBootstrap the bootstrap servers
     * @param clusterName Hazelcast's cluster name
     * @param members Hazelcast's members now (or the configured ones)
     * @param dataDir the data directory
     * @param httpPort the HTTP port the server listens on, or -1 when there is no web server
     * @param managementPort the actuator's port when it differs from the HTTP port, else -1
     * @param contextPath the servlet context path ("" for the root)
     */
    public record Facts(String postgresMode, String jdbcUrl, String kafkaMode, String kafkaBootstrap,
            String clusterName, List<String> members, String dataDir, int httpPort, int managementPort,
            String contextPath) {
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        log.info(render(facts(event.getApplicationContext())));
    }

    Facts facts(ApplicationContext context) {
        Environment env = context.getEnvironment();
        int httpPort = context instanceof WebServerApplicationContext web && web.getWebServer() != null
                ? web.getWebServer().getPort() : env.getProperty("local.server.port", Integer.class, -1);
        int managementPort = env.getProperty("local.management.port", Integer.class, -1);
        List<String> members = hazelcastMembers();
        return new Facts(
                env.getProperty(InfrastructurePlan.POSTGRES_MODE, "external"),
                env.getProperty("spring.datasource.url", "(none)"),
                env.getProperty(InfrastructurePlan.KAFKA_MODE, "external"),
                env.getProperty("spring.kafka.bootstrap-servers", "(none)"),
                hub.hazelcast().clusterName(),
                members,
                hub.dataDir().toAbsolutePath().normalize().toString(),
                httpPort,
                managementPort == httpPort ? -1 : managementPort,
                env.getProperty("server.servlet.context-path", ""));
    }

    private List<String> hazelcastMembers() {
        HazelcastInstance instance = hazelcast.getIfAvailable();
        if (instance != null && instance.getLifecycleService().isRunning()) {
            return instance.getCluster().getMembers().stream()
                    .map(Member::getAddress)
                    .map(a -> a.getHost() + ":" + a.getPort())
                    .toList();
        }
        return hub.hazelcast().members().isEmpty() ? List.of("(local only)") : hub.hazelcast().members();
    }

    /** The report's text. */
    static String render(Facts facts) {
        String base = facts.httpPort() > 0 ? "http://localhost:" + facts.httpPort() + trimSlash(facts.contextPath())
                : null;
        String management = facts.managementPort() > 0 ? "http://localhost:" + facts.managementPort() : base;
        StringBuilder text = new StringBuilder("Exchange hub is ready\n");
        text.append("  PostgreSQL : ").append(facts.postgresMode()).append(", ").append(redact(facts.jdbcUrl()))
                .append('\n');
        text.append("  Kafka      : ").append(facts.kafkaMode()).append(", bootstrap ").append(facts.kafkaBootstrap())
                .append('\n');
        text.append("  Hazelcast  : cluster '").append(facts.clusterName()).append("', members ")
                .append(String.join(", ", facts.members())).append('\n');
        text.append("  Data dir   : ").append(facts.dataDir()).append('\n');
        if (base == null) {
            text.append("  HTTP       : no web server");
        } else {
            text.append("  HTTP port  : ").append(facts.httpPort()).append('\n');
            text.append("  Home       : ").append(base).append("/\n");
            text.append("  API docs   : ").append(base).append("/swagger-ui.html\n");
            text.append("  Health     : ").append(management).append("/actuator/health");
        }
        return text.toString();
    }

    private static String trimSlash(String contextPath) {
        if (!StringUtils.hasText(contextPath) || "/".equals(contextPath)) {
            return "";
        }
        return contextPath.endsWith("/") ? contextPath.substring(0, contextPath.length() - 1) : contextPath;
    }

    /** A JDBC URL without passwords (query parameters or user:password@). */
    static String redact(String jdbcUrl) {
        if (jdbcUrl == null) {
            return null;
        }
        String redacted = PASSWORD_PARAMETER.matcher(jdbcUrl).replaceAll("$1******");
        return USER_INFO.matcher(redacted).replaceAll("$1:******@");
    }
}

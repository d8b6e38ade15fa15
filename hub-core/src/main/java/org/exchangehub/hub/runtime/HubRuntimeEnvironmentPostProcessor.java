package org.exchangehub.hub.runtime;

import java.util.Map;

import org.apache.commons.logging.Log;
import org.exchangehub.hub.runtime.embedded.EmbeddedInfrastructure;
import org.exchangehub.hub.runtime.embedded.EmbeddedService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

/**
 * Decides, from {@code hub.*}, whether the hub uses an external PostgreSQL and Kafka or starts embedded ones, starts
 * the embedded ones (once per JVM and data directory, see {@link EmbeddedInfrastructure}) and publishes
 * {@code spring.datasource.*} and {@code spring.kafka.bootstrap-servers} in a property source that wins over every
 * other one. Registered in {@code META-INF/spring.factories}; runs after the configuration files are loaded.
 *
 * <p>Spring Boot's logging is not initialised yet while environment post-processors run (Boot even drops other
 * libraries' log lines until then), so this class logs through a deferred log and, should the start fail, also prints
 * a short reason to standard error.
 */
public class HubRuntimeEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** Name of the property source this post-processor adds. */
    public static final String PROPERTY_SOURCE_NAME = "hubRuntime";

    /** Spring Boot's view of all sources as configuration properties (ConfigurationPropertySources.attach). */
    private static final String ATTACHED_SOURCE = "configurationProperties";

    private final Log log;

    public HubRuntimeEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(HubRuntimeEnvironmentPostProcessor.class);
    }

    @Override
    public int getOrder() {
        // after the config data (application.yml, profiles) and the other post-processors that add properties
        return Ordered.LOWEST_PRECEDENCE - 100;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        HubProperties hub = Binder.get(environment).bindOrCreate("hub", HubProperties.class);
        InfrastructurePlan plan = InfrastructurePlan.of(hub, environment::getProperty);
        String jdbcUrl = null;
        String bootstrap = null;
        if (plan.needsEmbedded()) {
            EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.shared();
            EmbeddedInfrastructure.Services services = start(infrastructure, plan);
            jdbcUrl = services.postgres().map(s -> s.service().endpoint()).orElse(null);
            bootstrap = services.kafka().map(s -> s.service().endpoint()).orElse(null);
            services.postgres().ifPresent(s -> logStarted("PostgreSQL", s));
            services.kafka().ifPresent(s -> logStarted("Kafka", s));
            if (environment.getProperty("spring.main.register-shutdown-hook", Boolean.class, true)) {
                // the embedded services stop only after this application's context is closed
                application.addListeners((ApplicationListener<ApplicationPreparedEvent>) event ->
                        infrastructure.registerUser(event.getApplicationContext()));
            }
        }
        Map<String, Object> properties = plan.properties(jdbcUrl, bootstrap);
        publish(environment, properties);
    }

    private EmbeddedInfrastructure.Services start(EmbeddedInfrastructure infrastructure, InfrastructurePlan plan) {
        EmbeddedInfrastructure.Request request = new EmbeddedInfrastructure.Request(plan.dataDir(),
                plan.postgres().embedded(), plan.kafka().embedded(), plan.wipeOnStart(), plan.dbUsername());
        try {
            return infrastructure.ensureStarted(request);
        } catch (Exception e) {
            String message = "The hub could not start its embedded " + describe(plan) + " in " + plan.dataDir()
                    + ": " + e + ". Set hub.db.url / hub.kafka.bootstrap (HUB_DB_URL, HUB_KAFKA_BOOTSTRAP) to use"
                    + " external ones, or hub.data-dir (HUB_DATA_DIR) to use another directory.";
            System.err.println(message);
            throw new IllegalStateException(message, e);
        }
    }

    private static String describe(InfrastructurePlan plan) {
        if (plan.postgres().embedded() && plan.kafka().embedded()) {
            return "PostgreSQL and Kafka";
        }
        return plan.postgres().embedded() ? "PostgreSQL" : "Kafka";
    }

    private void logStarted(String what, EmbeddedInfrastructure.Started started) {
        EmbeddedService service = started.service();
        if (started.reused()) {
            log.info("Embedded " + what + " already running in this JVM: " + service);
        } else {
            log.info("Embedded " + what + " started in " + started.startup().toMillis() + " ms"
                    + (service.createdStorage() ? " (new storage)" : " (existing storage)") + ": " + service);
        }
    }

    static void publish(ConfigurableEnvironment environment, Map<String, Object> properties) {
        MutablePropertySources sources = environment.getPropertySources();
        MapPropertySource source = new MapPropertySource(PROPERTY_SOURCE_NAME, properties);
        if (sources.contains(PROPERTY_SOURCE_NAME)) {
            sources.replace(PROPERTY_SOURCE_NAME, source);
        } else if (sources.contains(ATTACHED_SOURCE)) {
            // the attached configuration-properties view must stay first
            sources.addAfter(ATTACHED_SOURCE, source);
        } else {
            sources.addFirst(source);
        }
    }
}

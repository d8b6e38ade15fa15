package org.exchangehub.hub.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * With {@code hub.demo.enabled}, adds {@code classpath:demo/hub-demo.yml} (the demo provider's connector under
 * {@code hub.connectors.systems}) as the environment's last property source: configuration that exists only for the
 * demo, never in a real deployment's settings, and overridable by every other source. Spring Boot cannot activate a
 * config file on a property (only on a profile), hence this post-processor. Registered in
 * {@code META-INF/spring.factories}.
 */
public class DemoEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** Name of the property source this post-processor adds. */
    public static final String PROPERTY_SOURCE_NAME = "hubDemo";

    static final String LOCATION = "demo/hub-demo.yml";

    @Override
    public int getOrder() {
        // after the config data files, which say whether the demo is on
        return Ordered.LOWEST_PRECEDENCE - 50;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("hub.demo.enabled", Boolean.class, false)
                || environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
            return;
        }
        try {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load(PROPERTY_SOURCE_NAME, new ClassPathResource(LOCATION))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LOCATION, e);
        }
    }
}

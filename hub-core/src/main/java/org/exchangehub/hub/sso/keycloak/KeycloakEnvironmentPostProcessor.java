package org.exchangehub.hub.sso.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.util.StringUtils;

/**
 * Decides where single sign-on's Keycloak is and publishes {@code hub.sso.issuer-uri} (and, for the embedded one, the
 * hub's client secret) before the application context starts:
 * <ol>
 * <li>{@code hub.sso.issuer-uri} set: that one (with {@code hub.sso.client-secret} given by the operator);</li>
 * <li>{@code hub.security.issuer-uri} ({@code HUB_OIDC_ISSUER}) set: the external Keycloak the whole hub trusts;</li>
 * <li>else, with {@code hub.sso.keycloak.enabled} (default): starts {@link EmbeddedKeycloak} from its distribution and
 * returns at once; {@link EmbeddedKeycloakLifecycle} waits for it while the rest of the hub starts;</li>
 * <li>else single sign-on stays off.</li>
 * </ol>
 * The embedded Keycloak needs the hub's URL for the redirect and back-channel logout URLs of the hub's client: a
 * {@code server.port} of 0 (tests) is replaced by a free port chosen here. Runs before the embedded PostgreSQL and Kafka
 * start, so Keycloak's start overlaps theirs.
 */
public class KeycloakEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE_NAME = "hubSsoRuntime";
    public static final String KEYCLOAK_MODE = "hub.runtime.keycloak.mode";

    private final Log log;

    public KeycloakEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(KeycloakEnvironmentPostProcessor.class);
    }

    @Override
    public int getOrder() {
        // just before HubRuntimeEnvironmentPostProcessor (LOWEST_PRECEDENCE - 100), which blocks on PostgreSQL and Kafka
        return Ordered.LOWEST_PRECEDENCE - 101;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Map<String, Object> properties = new LinkedHashMap<>();
        String ssoIssuer = env.getProperty("hub.sso.issuer-uri");
        String hubIssuer = env.getProperty("hub.security.issuer-uri");
        if (StringUtils.hasText(ssoIssuer)) {
            properties.put(KEYCLOAK_MODE, "external");
        } else if (StringUtils.hasText(hubIssuer)) {
            properties.put("hub.sso.issuer-uri", hubIssuer.trim());
            properties.put(KEYCLOAK_MODE, "external");
        } else if (env.getProperty("hub.sso.keycloak.enabled", Boolean.class, true)) {
            EmbeddedKeycloak keycloak = start(env, properties);
            properties.put("hub.sso.issuer-uri", keycloak.issuer());
            properties.put("hub.sso.client-secret", keycloak.clientSecret());
            properties.put("hub.sso.keycloak.url", keycloak.baseUrl());
            properties.put(KEYCLOAK_MODE, "embedded");
        } else {
            properties.put(KEYCLOAK_MODE, "off");
        }
        publish(env, properties);
    }

    private EmbeddedKeycloak start(ConfigurableEnvironment env, Map<String, Object> properties) {
        int serverPort = env.getProperty("server.port", Integer.class, 8080);
        if (serverPort == 0) {
            try {
                serverPort = EmbeddedKeycloak.running().map(k -> portOf(k.settings().hubUrl()))
                        .orElse(EmbeddedKeycloak.freePort());
            } catch (IOException e) {
                throw new KeycloakStartException("No free port for the hub", e);
            }
            properties.put("server.port", serverPort);
        }
        Path dataDir = Path.of(env.getProperty("hub.data-dir", "./data"));
        String home = env.getProperty("hub.sso.keycloak.home");
        String distribution = env.getProperty("hub.sso.keycloak.distribution");
        String version = distributionVersion();
        EmbeddedKeycloak.Settings settings = new EmbeddedKeycloak.Settings(
                StringUtils.hasText(home) ? Path.of(home) : dataDir.resolve("keycloak"),
                StringUtils.hasText(distribution) ? Path.of(distribution) : defaultDistribution(version),
                version,
                env.getProperty("hub.sso.keycloak.port", Integer.class, 8180),
                "http://127.0.0.1:" + serverPort,
                env.getProperty("hub.sso.keycloak.realm", "exchange-hub"));
        try {
            EmbeddedKeycloak keycloak = EmbeddedKeycloak.start(settings);
            log.info("Embedded Keycloak: " + keycloak);
            return keycloak;
        } catch (IOException | RuntimeException e) {
            String message = "The hub could not start its embedded Keycloak in " + settings.home() + ": " + e.getMessage()
                    + " (configure an external one with HUB_OIDC_ISSUER, or turn it off with HUB_KEYCLOAK=false)";
            System.err.println(message);
            throw new KeycloakStartException(message, e);
        }
    }

    private static int portOf(String url) {
        return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
    }

    /** The version this build ships ({@code classpath:keycloak/distribution.properties}, filtered by Maven). */
    static String distributionVersion() {
        try (InputStream in = KeycloakEnvironmentPostProcessor.class.getResourceAsStream("/keycloak/distribution.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String version = p.getProperty("version", "");
            if (!version.matches("[0-9][0-9A-Za-z.\\-]*")) {
                throw new KeycloakStartException("classpath:keycloak/distribution.properties names no Keycloak version"
                        + " (was the build's resource filtering skipped?)");
            }
            return version;
        } catch (IOException e) {
            throw new KeycloakStartException("Cannot read classpath:keycloak/distribution.properties", e);
        }
    }

    /**
     * hub-core/target/keycloak-dist (the build's copy, when the hub runs from the repository), else the local Maven
     * repository.
     */
    static Path defaultDistribution(String version) {
        String file = "keycloak-quarkus-dist-" + version + ".zip";
        for (Path candidate : new Path[] {Path.of("hub-core/target/keycloak-dist", file), Path.of("target/keycloak-dist", file)}) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        String repo = System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository");
        return Path.of(repo, "org/keycloak/keycloak-quarkus-dist", version, file);
    }

    /** First of all sources (a test's inlined {@code server.port=0} too); Spring's attached view stays in front. */
    static void publish(ConfigurableEnvironment environment, Map<String, Object> properties) {
        MutablePropertySources sources = environment.getPropertySources();
        MapPropertySource source = new MapPropertySource(PROPERTY_SOURCE_NAME, properties);
        if (sources.contains(PROPERTY_SOURCE_NAME)) {
            sources.replace(PROPERTY_SOURCE_NAME, source);
        } else {
            sources.addFirst(source);
        }
        ConfigurationPropertySources.attach(environment);
    }
}

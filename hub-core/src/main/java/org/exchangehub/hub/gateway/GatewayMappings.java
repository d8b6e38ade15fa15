package org.exchangehub.hub.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.exchangehub.mapping.MappingConfig;
import org.exchangehub.mapping.MappingConfigs;
import org.exchangehub.mapping.MappingTarget;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The mapping configs connector operations name ({@code request-mapping}, {@code response-mapping}): those shipped in
 * {@code mappings/} on the class path, and those in {@code hub.mappings.directory}, which win by name. Loaded and
 * checked once at start: an operation naming a config that is missing or of the wrong target stops the hub with
 * the setting's name, so a typo never becomes a failing call at run time.
 */
@Component
public class GatewayMappings {

    private final Map<String, MappingConfig> byName = new TreeMap<>();
    private final ConnectorProperties connectors;

    public GatewayMappings(ConnectorProperties connectors, @Value("${hub.mappings.directory:}") String directory) throws IOException {
        this.connectors = connectors;
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:mappings/**/*.yaml")) {
            try (InputStream in = r.getInputStream()) {
                add(MappingConfigs.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), r.getDescription()));
            }
        }
        if (directory != null && !directory.isBlank()) {
            Path dir = Path.of(directory);
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException("hub.mappings.directory: " + dir.toAbsolutePath() + " is not a directory");
            }
            MappingConfigs.loadDirectory(dir).forEach(c -> byName.put(c.name(), c));
        }
        check();
    }

    private void add(MappingConfig config) {
        MappingConfig before = byName.putIfAbsent(config.name(), config);
        if (before != null) {
            throw new IllegalStateException("Two mapping configs are named " + config.name() + ": " + before.origin() + " and "
                    + config.origin());
        }
    }

    private void check() {
        List<String> faults = new ArrayList<>();
        connectors.systems().forEach((id, system) -> system.operations().forEach((name, op) -> {
            String at = "hub.connectors.systems." + id + ".operations." + name;
            fault(faults, at + ".request-mapping", op.requestMapping(), MappingTarget.REQUEST_PARAMETERS);
            fault(faults, at + ".response-mapping", op.responseMapping(), MappingTarget.DATA_ITEMS);
        }));
        if (!faults.isEmpty()) {
            throw new IllegalStateException("Connector mappings: " + String.join("; ", faults));
        }
    }

    private void fault(List<String> faults, String setting, String name, MappingTarget expected) {
        if (name == null || name.isBlank()) {
            return;
        }
        MappingConfig config = byName.get(name);
        if (config == null) {
            faults.add(setting + ": no mapping config named '" + name + "'; known: " + byName.keySet());
        } else if (config.target() != expected) {
            faults.add(setting + ": '" + name + "' maps to " + config.target() + ", expected " + expected);
        }
    }

    /** The config of that name, if there is one. */
    public Optional<MappingConfig> named(String name) {
        return name == null || name.isBlank() ? Optional.empty() : Optional.ofNullable(byName.get(name));
    }
}

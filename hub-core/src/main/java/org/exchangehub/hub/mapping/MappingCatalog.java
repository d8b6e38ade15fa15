package org.exchangehub.hub.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.exchangehub.mapping.MappingConfig;
import org.exchangehub.mapping.MappingConfigs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Every mapping config the hub knows, by name, for the gateway and the return flow alike: those shipped under
 * {@code mappings/} on the class path, and those in {@code hub.mappings.directory} ({@code HUB_MAPPINGS_DIR}), which
 * add to them and replace them by name. Read and checked once, at start: a broken config stops the hub naming its file.
 */
@Component
public class MappingCatalog {

    private final Map<String, MappingConfig> byName = new TreeMap<>();

    public MappingCatalog(@Value("${hub.mappings.directory:}") String directory) throws IOException {
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:mappings/**/*.yaml")) {
            try (InputStream in = r.getInputStream()) {
                MappingConfig config = MappingConfigs.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), r.getDescription());
                MappingConfig before = byName.putIfAbsent(config.name(), config);
                if (before != null) {
                    throw new IllegalStateException("Two mapping configs are named " + config.name() + ": " + before.origin()
                            + " and " + config.origin());
                }
            }
        }
        if (directory != null && !directory.isBlank()) {
            Path dir = Path.of(directory);
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException("hub.mappings.directory (HUB_MAPPINGS_DIR): " + dir.toAbsolutePath()
                        + " is not a directory");
            }
            MappingConfigs.loadDirectory(dir).forEach(c -> byName.put(c.name(), c));
        }
    }

    /** The config of that name, if there is one. */
    public Optional<MappingConfig> named(String name) {
        return name == null || name.isBlank() ? Optional.empty() : Optional.ofNullable(byName.get(name));
    }

    /** Every config, by name. */
    public Map<String, MappingConfig> all() {
        return java.util.Collections.unmodifiableMap(byName);
    }
}

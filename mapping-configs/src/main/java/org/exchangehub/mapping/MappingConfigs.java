package org.exchangehub.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads mapping configs: each is checked against {@code mapping-config.schema.json}, then compiled (paths, date
 * formats, patterns and code tables built once). A config with faults is refused whole with a
 * {@link MappingConfigException} that lists every fault with its file, YAML path and line.
 */
public final class MappingConfigs {

    private MappingConfigs() {
    }

    /** Reads a config from YAML text; {@code origin} names it in error messages (a file name, a database key…). */
    public static MappingConfig parse(String yaml, String origin) {
        List<ConfigProblem> problems = new ArrayList<>();
        JsonNode tree = ConfigReader.read(yaml, origin, problems);
        if (tree != null) {
            ConfigReader.validate(tree, origin, problems);
        }
        if (!problems.isEmpty()) {
            throw new MappingConfigException(problems); // compiling a tree the schema refused would only add noise
        }
        ConfigCompiler compiler = new ConfigCompiler(origin);
        MappingConfig config = compiler.compile(tree);
        if (config == null) {
            throw new MappingConfigException(compiler.problems());
        }
        return config;
    }

    /** Reads a config from YAML text, named {@code (text)} in error messages. */
    public static MappingConfig parse(String yaml) {
        return parse(yaml, "(text)");
    }

    /** Reads a config file (UTF-8). */
    public static MappingConfig load(Path file) {
        String origin = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw unreadable(origin, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        return parse(utf8(bytes, origin), origin);
    }

    /** Reads a config from the classpath, e.g. {@code mappings/case-record/provincial-vertical.yaml}. */
    public static MappingConfig loadResource(String resource) {
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        String origin = "classpath:" + name;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null || loader.getResource(name) == null) {
            loader = MappingConfigs.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw unreadable(origin, "no such resource on the classpath");
            }
            return parse(utf8(in.readAllBytes(), origin), origin);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + origin, e);
        }
    }

    /**
     * Reads every {@code .yaml} and {@code .yml} file under a directory, in path order. Faults of all files are
     * reported together, and so are two configs with the same name.
     */
    public static List<MappingConfig> loadDirectory(Path directory) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw unreadable(directory.toString(), "cannot list the directory: " + e.getClass().getSimpleName());
        }
        List<MappingConfig> configs = new ArrayList<>();
        List<ConfigProblem> problems = new ArrayList<>();
        Map<String, MappingConfig> byName = new HashMap<>();
        for (Path file : files) {
            try {
                MappingConfig config = load(file);
                MappingConfig earlier = byName.putIfAbsent(config.name(), config);
                if (earlier != null) {
                    problems.add(new ConfigProblem(config.origin(), "name", 0, "\"" + config.name()
                            + "\" is also the name of " + earlier.origin() + "; each config needs its own name"));
                } else {
                    configs.add(config);
                }
            } catch (MappingConfigException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new MappingConfigException(problems);
        }
        return List.copyOf(configs);
    }

    /** Decodes strictly: a config saved as GBK would otherwise turn its Chinese codes into replacement characters. */
    private static String utf8(byte[] bytes, String origin) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw unreadable(origin, "is not UTF-8 text; save mapping configs as UTF-8");
        }
    }

    private static MappingConfigException unreadable(String origin, String message) {
        return new MappingConfigException(List.of(new ConfigProblem(origin, "", 0, message)));
    }
}

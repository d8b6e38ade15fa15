package org.exchangehub.mapping;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.serialization.node.LocationJsonNodeFactoryFactory;
import com.networknt.schema.utils.JsonNodes;
import java.io.IOException;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reads a config's YAML into a tree whose nodes know their line, and checks it against the JSON Schema. */
final class ConfigReader {

    static final String SCHEMA_RESOURCE = "mapping-config.schema.json";

    // duplicate keys would let a second "status:" silently replace the first
    private static final ObjectMapper YAML = YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final JsonNode SCHEMA_TREE = readSchemaTree();
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(SCHEMA_TREE, SchemaValidatorsConfig.builder()
                    .pathType(PathType.JSON_PATH)
                    .locale(Locale.ENGLISH) // the validator also speaks Chinese; configs are reviewed in one language
                    .build());

    private ConfigReader() {
    }

    /** The YAML as a tree, or null with the syntax problem added. */
    static JsonNode read(String yaml, String origin, List<ConfigProblem> problems) {
        String text = yaml.startsWith("\uFEFF") ? yaml.substring(1) : yaml; // a BOM from a Windows editor
        try (JsonParser parser = YAML.getFactory().createParser(text)) {
            JsonNodeFactory nodes = LocationJsonNodeFactoryFactory.getInstance().getJsonNodeFactory(parser);
            JsonNode tree = YAML.reader(nodes).readTree(parser);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                problems.add(new ConfigProblem(origin, "", 0, "is empty; a mapping config needs name, target and fields"));
                return null;
            }
            return tree;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String message = e.getOriginalMessage();
            int line = at == null ? 0 : at.getLineNr();
            if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                message = marked.getProblem(); // without SnakeYAML's echo of the reader and the line
                line = marked.getProblemMark().getLine() + 1;
            }
            problems.add(new ConfigProblem(origin, "", line, "is not valid YAML: " + oneLine(message)));
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String: does not happen
        }
    }

    /** Adds a problem for each place where the tree breaks the schema. */
    static void validate(JsonNode tree, String origin, List<ConfigProblem> problems) {
        List<ConfigProblem> found = new ArrayList<>();
        for (ValidationMessage message : SCHEMA.validate(tree)) {
            found.add(describe(tree, origin, message));
        }
        found.stream().distinct()
                .sorted(Comparator.comparingInt(ConfigProblem::line).thenComparing(ConfigProblem::path))
                .forEach(problems::add);
    }

    /** The line of a node in its file, or 0. */
    static int lineOf(JsonNode node) {
        JsonLocation location = node == null ? null : JsonNodes.tokenLocationOf(node);
        return location == null ? 0 : location.getLineNr();
    }

    /** {@code fields.submittedAt} from a parent path and a key; keys with dots or brackets are quoted. */
    static String child(String parent, String key) {
        boolean plain = !key.isEmpty();
        for (int i = 0; i < key.length() && plain; i++) {
            char c = key.charAt(i);
            plain = c != '.' && c != '[' && c != ']' && c != '\'' && !Character.isWhitespace(c);
        }
        if (!plain) {
            return parent + "['" + key + "']";
        }
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static String element(String parent, int index) {
        return parent + "[" + index + "]";
    }

    private static ConfigProblem describe(JsonNode tree, String origin, ValidationMessage message) {
        JsonNodePath location = message.getInstanceLocation();
        String path = render(location);
        JsonNode node = JsonNodes.get(tree, location);
        JsonNode schema = message.getSchemaNode();
        String keyword = message.getType();
        String property = message.getProperty();
        return switch (keyword) {
            case "additionalProperties" -> new ConfigProblem(origin, child(path, property), lineOf(node.get(property)),
                    "unknown key; expected one of " + knownKeys(message));
            case "required" -> new ConfigProblem(origin, path, lineOf(node), "'" + property + "' is missing"
                    + (message.getEvaluationPath().contains("then") ? " (the other keys given here need it)" : ""));
            case "enum" -> new ConfigProblem(origin, path, lineOf(node), found(node) + " is not one of "
                    + joined(schema) + "");
            case "type" -> new ConfigProblem(origin, path, lineOf(node), "expected " + joined(schema).replace(", ", " or ") + ", found " + kind(node));
            case "pattern" -> new ConfigProblem(origin, path, lineOf(node), found(node) + " does not match " + schema.asText());
            default -> new ConfigProblem(origin, path, lineOf(node), withoutLocation(message));
        };
    }

    /** The keys the schema allows where an unknown one was found, read from the schema beside additionalProperties. */
    private static String knownKeys(ValidationMessage message) {
        JsonNodePath fragment = message.getSchemaLocation().getFragment();
        JsonNode owner = SCHEMA_TREE;
        for (int i = 0; i < fragment.getNameCount() - 1; i++) {
            Object element = fragment.getElement(i);
            owner = element instanceof Integer index ? owner.path(index) : owner.path(element.toString());
        }
        List<String> keys = new ArrayList<>();
        owner.path("properties").fieldNames().forEachRemaining(keys::add);
        return String.join(", ", keys);
    }

    private static String render(JsonNodePath location) {
        String path = "";
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            path = element instanceof Integer index ? element(path, index) : child(path, element.toString());
        }
        return path;
    }

    private static String found(JsonNode node) {
        return node != null && node.isTextual() ? "\"" + node.textValue() + "\"" : String.valueOf(node);
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isNull()) {
            return "nothing";
        }
        String kind = node.isObject() ? "object" : node.isArray() ? "array" : node.isTextual() ? "string"
                : node.isNumber() ? "number" : node.isBoolean() ? "boolean" : node.getNodeType().name().toLowerCase(Locale.ROOT);
        return node.isValueNode() ? kind + " " + found(node) : kind;
    }

    private static String joined(JsonNode schema) {
        if (schema != null && schema.isArray()) {
            List<String> values = new ArrayList<>();
            schema.forEach(v -> values.add(v.asText()));
            return String.join(", ", values);
        }
        return schema == null ? "?" : schema.asText();
    }

    private static String withoutLocation(ValidationMessage message) {
        String text = message.getMessage();
        String prefix = message.getInstanceLocation() + ": ";
        return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.lines().map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.joining(" "));
    }

    private static JsonNode readSchemaTree() {
        try (InputStream in = ConfigReader.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA_RESOURCE + " is missing from the classpath of mapping-configs");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SCHEMA_RESOURCE, e);
        }
    }
}

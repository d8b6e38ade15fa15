package org.exchangehub.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every mapping config the module ships is schema-valid and compiles: a broken one fails the build. */
class MappingConfigsSchemaTest {

    /** The directories of shipped configs; a new one must be added here. */
    private static final List<String> MAPPING_DIRECTORIES = List.of("mappings");

    @Test
    void everyShippedMappingConfigIsSchemaValidAndCompiles() throws Exception {
        for (String directory : MAPPING_DIRECTORIES) {
            Path root = classpathDirectory(directory);
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).toList();
            }

            List<MappingConfig> configs = MappingConfigs.loadDirectory(root); // throws, listing every fault, if any is broken

            assertThat(configs).as("one config per YAML file under %s", directory).hasSize(files.size());
            assertThat(configs).allSatisfy(config -> assertThat(config.targetFields()).isNotEmpty());
        }
    }

    @Test
    void shipsTheGatewayAndReturnFlowExamples() throws Exception {
        List<MappingConfig> configs = MappingConfigs.loadDirectory(classpathDirectory("mappings"));

        assertThat(configs).extracting(MappingConfig::name).contains(
                "market-regulator-licence-answer", "market-regulator-licence-request",
                "provincial-vertical-case-record", "self-built-approval-case-record", "provincial-daily-csv-case-record");
        assertThat(configs).extracting(MappingConfig::target).contains(
                MappingTarget.CASE_RECORD, MappingTarget.DATA_ITEMS, MappingTarget.REQUEST_PARAMETERS);
    }

    @Test
    void noResourceDirectoryHoldsYamlOutsideTheCheckedOnes() throws Exception {
        Path resources = classpathDirectory("mappings").getParent();
        try (Stream<Path> walk = Files.walk(resources)) {
            List<Path> unchecked = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(p -> MAPPING_DIRECTORIES.stream().noneMatch(d -> resources.relativize(p).startsWith(d)))
                    .toList();
            assertThat(unchecked).as("YAML files that no schema test loads").isEmpty();
        }
    }

    @Test
    void schemaIsAValidDraft202012Schema() throws IOException {
        JsonNode schema;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ConfigReader.SCHEMA_RESOURCE)) {
            schema = new ObjectMapper().readTree(in);
        }
        var metaSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

        assertThat(metaSchema.validate(schema)).isEmpty();
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void schemaDescribesEveryKeyAConfigMayUse() throws IOException {
        JsonNode schema;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ConfigReader.SCHEMA_RESOURCE)) {
            schema = new ObjectMapper().readTree(in);
        }
        List<JsonNode> objects = List.of(schema, schema.at("/$defs/field"), schema.at("/$defs/codeTable"));
        for (JsonNode object : objects) {
            object.path("properties").properties().forEach(property ->
                    assertThat(property.getValue().path("description").asText())
                            .as("description of '%s'", property.getKey()).isNotBlank());
        }
    }

    private static Path classpathDirectory(String directory) throws URISyntaxException {
        var url = MappingConfigsSchemaTest.class.getClassLoader().getResource(directory);
        assertThat(url).as("%s on the classpath", directory).isNotNull();
        return Path.of(url.toURI());
    }
}

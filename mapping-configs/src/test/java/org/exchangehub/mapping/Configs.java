package org.exchangehub.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Small configs and records for tests. */
final class Configs {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private Configs() {
    }

    /** A data-items config with these fields (YAML, as under {@code fields:}); item names are free. */
    static Mapper fields(String fieldsYaml) {
        return MappingConfigs.parse("name: test\ntarget: data-items\nfields:\n" + fieldsYaml.indent(2), "test.yaml").mapper();
    }

    static JsonNode json(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}

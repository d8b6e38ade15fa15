package org.exchangehub.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.jooq.JSONB;
import org.springframework.stereotype.Component;

/** Reads and writes the registry's jsonb columns (data items, item lists, changes, event payloads). */
@Component
public class JsonColumns {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final ObjectMapper json;

    public JsonColumns(ObjectMapper json) {
        this.json = json;
    }

    public JSONB write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return JSONB.valueOf(json.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not serialisable as JSON: " + value.getClass().getName(), e);
        }
    }

    public <T> T read(JSONB column, TypeReference<T> type) {
        if (column == null) {
            return null;
        }
        try {
            return json.readValue(column.data(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable JSON column as " + type.getType(), e);
        }
    }

    public Map<String, Object> map(JSONB column) {
        return read(column, MAP);
    }

    /** For JSON kept as text (e.g. sent on Kafka), not in a column. */
    public String text(Object value) {
        JSONB written = write(value);
        return written == null ? null : written.data();
    }
}

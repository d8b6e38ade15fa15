package org.exchangehub.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps source records with one compiled config. Immutable and thread-safe: share one per config. Each field is mapped
 * on its own, so one bad value is a {@link MappingProblem} of its record and never stops the other fields.
 */
public final class Mapper {

    private final FieldRule[] rules;

    Mapper(List<FieldRule> rules) {
        this.rules = rules.toArray(FieldRule[]::new);
    }

    /** Maps a JSON record (from Kafka, an HTTP batch, a provider's answer). */
    public MappingResult map(JsonNode source) {
        return mapAny(source);
    }

    /**
     * Maps a record held as maps and lists: a CSV or database row (column name to value; database values such as
     * {@code java.sql.Timestamp}, {@code LocalDateTime} or {@code BigDecimal} are read as they are), or the gateway's
     * request parameters.
     */
    public MappingResult map(Map<String, ?> source) {
        return mapAny(source);
    }

    private MappingResult mapAny(Object source) {
        Map<String, Object> values = new LinkedHashMap<>(rules.length * 4 / 3 + 1);
        List<MappingProblem> problems = new ArrayList<>(0);
        for (FieldRule rule : rules) {
            rule.apply(source, values, problems);
        }
        return new MappingResult(Collections.unmodifiableMap(values), Collections.unmodifiableList(problems));
    }
}

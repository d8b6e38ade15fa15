package org.exchangehub.mapping;

import java.util.List;
import java.util.Map;

/**
 * One mapped record: the target's values and the problems met on the way.
 *
 * @param values   the mapped fields in config order, typed as {@link FieldType} says (String, Long, BigDecimal, Boolean,
 *                 LocalDate, OffsetDateTime); a field without a value is absent, never null
 * @param problems one per field that could not be mapped; empty when the record mapped cleanly
 */
public record MappingResult(Map<String, Object> values, List<MappingProblem> problems) {

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** The value of a target field, or null when the record has none. */
    public Object value(String field) {
        return values.get(field);
    }
}

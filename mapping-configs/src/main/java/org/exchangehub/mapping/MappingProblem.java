package org.exchangehub.mapping;

/**
 * Why one field of one record could not be mapped. The record's other fields are mapped all the same.
 *
 * @param targetField the field of the target record, e.g. {@code submittedAt}
 * @param sourcePath  where its value was looked for, e.g. {@code SQSJ} (several paths joined by {@code " | "})
 * @param code        the kind of problem, stable for counting and alerts
 * @param message     what was found and what was expected, e.g. {@code expected a date-time as yyyyMMddHHmmss, found "2026-11-23"}
 */
public record MappingProblem(String targetField, String sourcePath, Code code, String message) {

    public enum Code {
        /** A required field has no value: its paths are absent, null or empty, and it has no default. */
        MISSING_REQUIRED,
        /** The value is not in the field's code table, whose policy for unknown codes is {@code problem}. */
        UNKNOWN_CODE,
        /** The value cannot be read as the field's type or format. */
        INVALID_VALUE,
        /** The path leads to an object or array where a value was expected, or runs through a value. */
        WRONG_SHAPE
    }

    @Override
    public String toString() {
        return targetField + " (from " + sourcePath + "): " + code + ": " + message;
    }
}

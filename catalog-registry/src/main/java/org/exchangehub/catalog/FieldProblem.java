package org.exchangehub.catalog;

/** One invalid field: its path in the request (e.g. {@code dataItems[2].type}) and what was expected. */
public record FieldProblem(String field, String message) {
}

package org.exchangehub.mapping;

/**
 * One fault of a mapping config, said so that its author can fix it.
 *
 * @param origin  the file or classpath resource the config came from
 * @param path    where in the YAML, e.g. {@code fields.submittedAt.type}; empty for the whole file
 * @param line    the line in the file (1-based), or 0 when not known
 * @param message what is wrong and what was expected
 */
public record ConfigProblem(String origin, String path, int line, String message) {

    @Override
    public String toString() {
        return origin + (line > 0 ? ":" + line : "") + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}

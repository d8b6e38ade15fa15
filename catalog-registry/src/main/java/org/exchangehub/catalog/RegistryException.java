package org.exchangehub.catalog;

import java.util.List;

/** A registry operation refused, with a stable code, a message a user can act on and, for bad input, each field. */
public class RegistryException extends RuntimeException {

    private final ErrorCode code;
    private final List<FieldProblem> fieldProblems;

    public RegistryException(ErrorCode code, String message) {
        this(code, message, List.of());
    }

    public RegistryException(ErrorCode code, String message, List<FieldProblem> fieldProblems) {
        super(message);
        this.code = code;
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    public static RegistryException invalid(List<FieldProblem> problems) {
        return new RegistryException(ErrorCode.VALIDATION_FAILED,
                problems.size() + " field(s) invalid: " + problems.get(0).field() + ": " + problems.get(0).message()
                        + (problems.size() > 1 ? " (and more)" : ""),
                problems);
    }

    public static RegistryException notFound(String what, String key) {
        return new RegistryException(ErrorCode.NOT_FOUND, "No " + what + " with code " + key);
    }

    public static RegistryException forbidden(String message) {
        return new RegistryException(ErrorCode.FORBIDDEN, message);
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }
}

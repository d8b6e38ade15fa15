package org.exchangehub.mapping;

/**
 * A value that cannot be read as its field's type. Thrown only between the value reader and the field rule, which
 * turns it into a {@link MappingProblem}; without a stack trace, since bad records are data, not bugs.
 */
final class InvalidValue extends Exception {

    /** @param expected what the field takes, e.g. {@code a whole number} */
    InvalidValue(String expected) {
        super(expected, null, false, false);
    }

    String expected() {
        return getMessage();
    }
}

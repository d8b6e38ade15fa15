package org.exchangehub.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A path into a source record, parsed once: names and array indexes, followed the same way through a JSON tree and
 * through maps and lists (a flat row is a map whose paths are single column names).
 */
final class SourcePath {

    /** No value: the path is absent, or leads to null. */
    static final Object MISSING = new Object() {
        @Override
        public String toString() {
            return "MISSING";
        }
    };
    /** The path runs through a value (a name on text, an index on an object). */
    static final Object WRONG_SHAPE = new Object() {
        @Override
        public String toString() {
            return "WRONG_SHAPE";
        }
    };

    private final String text;
    /** A String (a name) or an Integer (an index; negative counts from the end). */
    private final Object[] segments;
    /** The path's text up to and including each segment, for messages. */
    private final String[] prefixes;

    private SourcePath(String text, Object[] segments, String[] prefixes) {
        this.text = text;
        this.segments = segments;
        this.prefixes = prefixes;
    }

    /**
     * Parses {@code applicant.id.number}, {@code stages[0].time}, {@code stages[-1]}, {@code ['a.b'].c}, or a plain
     * column name such as {@code 办件编号}.
     *
     * @throws IllegalArgumentException saying where the text stops being a path
     */
    static SourcePath parse(String text) {
        List<Object> segments = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        int i = 0;
        int n = text.length();
        boolean expectName = true; // at the start and after a dot a name (or a bracket) must follow
        while (i < n) {
            char c = text.charAt(i);
            if (c == '[') {
                int close = text.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("'[' at character " + (i + 1) + " is not closed");
                }
                String inside = text.substring(i + 1, close);
                if (inside.length() >= 2 && (inside.charAt(0) == '\'' || inside.charAt(0) == '"')
                        && inside.charAt(inside.length() - 1) == inside.charAt(0)) {
                    String name = inside.substring(1, inside.length() - 1);
                    if (name.isEmpty()) {
                        throw new IllegalArgumentException("empty quoted name at character " + (i + 1));
                    }
                    segments.add(name);
                } else {
                    segments.add(index(inside, i));
                }
                i = close + 1;
                prefixes.add(text.substring(0, i));
                expectName = false;
                if (i < n && text.charAt(i) != '.' && text.charAt(i) != '[') {
                    throw new IllegalArgumentException("'" + text.charAt(i) + "' at character " + (i + 1)
                            + " follows ']'; expected '.' or '['");
                }
            } else if (c == '.') {
                if (expectName) {
                    throw new IllegalArgumentException("empty name at character " + (i + 1));
                }
                expectName = true;
                i++;
                if (i == n) {
                    throw new IllegalArgumentException("the path ends with '.'");
                }
            } else if (c == ']') {
                throw new IllegalArgumentException("']' at character " + (i + 1) + " has no '['");
            } else {
                int start = i;
                while (i < n && text.charAt(i) != '.' && text.charAt(i) != '[' && text.charAt(i) != ']') {
                    i++;
                }
                if (!expectName) {
                    throw new IllegalArgumentException("a name at character " + (start + 1) + " must follow a '.'");
                }
                segments.add(text.substring(start, i));
                prefixes.add(text.substring(0, i));
                expectName = false;
            }
        }
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("the path is empty");
        }
        return new SourcePath(text, segments.toArray(), prefixes.toArray(String[]::new));
    }

    private static Integer index(String inside, int at) {
        try {
            return Integer.valueOf(inside.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'[" + inside + "]' at character " + (at + 1)
                    + " is neither an index such as [0] or [-1] nor a quoted name such as ['a.b']");
        }
    }

    /**
     * The value at this path in {@code root} (a {@link JsonNode}, or maps, lists and plain values): a JSON node, a
     * plain value, {@link #MISSING} or {@link #WRONG_SHAPE}.
     */
    Object resolve(Object root) {
        Object current = root;
        for (Object segment : segments) {
            current = step(current, segment);
            if (current == MISSING || current == WRONG_SHAPE) {
                return current;
            }
        }
        return current;
    }

    private static Object step(Object current, Object segment) {
        if (current == null) {
            return MISSING;
        }
        if (current instanceof JsonNode node) {
            if (node.isNull() || node.isMissingNode()) {
                return MISSING;
            }
            JsonNode next;
            if (segment instanceof String name) {
                if (!node.isObject()) {
                    return WRONG_SHAPE;
                }
                next = node.get(name);
            } else {
                if (!node.isArray()) {
                    return WRONG_SHAPE;
                }
                int i = (Integer) segment;
                next = node.get(i < 0 ? node.size() + i : i);
            }
            return next == null || next.isNull() ? MISSING : next;
        }
        Object next;
        if (segment instanceof String name) {
            if (!(current instanceof Map<?, ?> map)) {
                return WRONG_SHAPE;
            }
            next = map.get(name);
        } else {
            if (!(current instanceof List<?> list)) {
                return WRONG_SHAPE;
            }
            int i = (Integer) segment;
            int at = i < 0 ? list.size() + i : i;
            next = at >= 0 && at < list.size() ? list.get(at) : null;
        }
        return next == null ? MISSING : next;
    }

    /** For a {@link #WRONG_SHAPE} answer: where the path stopped fitting the record, said plainly. */
    String whereShapeDiffers(Object root) {
        Object current = root;
        for (int i = 0; i < segments.length; i++) {
            Object next = step(current, segments[i]);
            if (next == WRONG_SHAPE) {
                String at = i == 0 ? "the record" : "'" + prefixes[i - 1] + "'";
                String wanted = segments[i] instanceof String ? "an object" : "an array";
                return at + " is " + Values.describe(current) + ", not " + wanted;
            }
            current = next;
        }
        return "'" + text + "' is " + Values.describe(current) + ", not a single value";
    }

    @Override
    public String toString() {
        return text;
    }
}

package org.exchangehub.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Map;

/** Plain values out of JSON nodes and database rows, and their text. */
final class Values {

    private Values() {
    }

    /**
     * A single value as plain Java (String, Number, Boolean, or a date/time object from a database row), or
     * {@link SourcePath#WRONG_SHAPE} for an object or array.
     */
    static Object scalar(Object value) {
        if (value instanceof JsonNode node) {
            if (node.isTextual()) {
                return node.textValue();
            }
            if (node.isNumber()) {
                if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
                    return node.asText(); // NaN or Infinity, from a lenient parser: no number of any type
                }
                // decimals as BigDecimal: a double's binary value would show as 0.30000000000000004
                return node.isIntegralNumber() ? node.numberValue() : node.decimalValue();
            }
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            if (node.isPojo()) {
                return scalar(((com.fasterxml.jackson.databind.node.POJONode) node).getPojo());
            }
            return SourcePath.WRONG_SHAPE; // object, array, binary
        }
        if (value instanceof Map<?, ?> || value instanceof Collection<?> || value != null && value.getClass().isArray()) {
            return SourcePath.WRONG_SHAPE;
        }
        if (value instanceof Character c) {
            return String.valueOf(c);
        }
        return value;
    }

    /** The text of a plain value: what code tables are keyed by and what a string field holds. */
    static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue()).toPlainString();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime().toString();
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (value instanceof java.util.Date d) {
            return d.toInstant().toString();
        }
        return String.valueOf(value);
    }

    /**
     * The text a code table is keyed by: like {@link #text}, but numbers without their trailing zeros, so that a
     * database's NUMBER 1.0 or a JSON 1.0 finds the code "1".
     */
    static String codeKey(Object value) {
        if (value instanceof BigDecimal d) {
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            return codeKey(BigDecimal.valueOf(((Number) value).doubleValue()));
        }
        return text(value);
    }

    /** What kind of thing a value is, for messages. */
    static String describe(Object value) {
        if (value instanceof JsonNode node) {
            if (node.isObject()) {
                return "an object";
            }
            if (node.isArray()) {
                return "an array";
            }
            if (node.isTextual()) {
                return "text";
            }
            if (node.isNumber()) {
                return "a number";
            }
            if (node.isBoolean()) {
                return "true/false";
            }
            return "null";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof Collection<?> || value != null && value.getClass().isArray()) {
            return "an array";
        }
        if (value instanceof CharSequence) {
            return "text";
        }
        if (value instanceof Number || value instanceof BigInteger) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "true/false";
        }
        if (value instanceof TemporalAccessor || value instanceof java.util.Date) {
            return "a date/time";
        }
        return value == null ? "null" : "a " + value.getClass().getSimpleName();
    }

    /** A value quoted for a message, cut short so that one bad value cannot flood a log. */
    static String quote(Object value) {
        String text = value instanceof String s ? s : text(value);
        if (text.length() > 60) {
            text = text.substring(0, 60) + "…";
        }
        return value instanceof String ? "\"" + text + "\"" : text;
    }
}

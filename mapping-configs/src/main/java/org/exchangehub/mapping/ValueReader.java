package org.exchangehub.mapping;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Set;

/** Reads a plain value as one field type; compiled once per field with its formats and zone. */
final class ValueReader {

    private static final Set<String> TRUE = Set.of("true", "1", "yes", "y", "是");
    private static final Set<String> FALSE = Set.of("false", "0", "no", "n", "否");

    private final FieldType type;
    private final TemporalFormat[] formats;
    private final boolean severalFormats;
    /** Where values without an offset were written. */
    private final ZoneId zone;
    /** Where every mapped date-time is expressed: the config's zone, so that all records of a source agree. */
    private final ZoneId outputZone;
    private final String expected;

    ValueReader(FieldType type, TemporalFormat[] formats, ZoneId zone, ZoneId outputZone) {
        this.type = type;
        this.formats = formats.clone();
        this.severalFormats = formats.length > 1;
        this.zone = zone;
        this.outputZone = outputZone;
        this.expected = expected(type, formats);
    }

    FieldType type() {
        return type;
    }

    /** What this reader takes, for messages: {@code a date-time as yyyyMMddHHmmss}. */
    String expected() {
        return expected;
    }

    /** The value as this reader's type; {@code value} is plain (see {@link Values#scalar}) and not empty. */
    Object read(Object value) throws InvalidValue {
        try {
            return switch (type) {
                case STRING -> Values.text(value);
                case INTEGER -> integer(value);
                case DECIMAL -> decimal(value);
                case BOOLEAN -> bool(value);
                case DATE -> moment(value).withZoneSameInstant(outputZone).toLocalDate();
                case DATETIME -> moment(value).withZoneSameInstant(outputZone).toOffsetDateTime();
            };
        } catch (DateTimeException | ArithmeticException e) {
            throw new InvalidValue(expected); // a year beyond the calendar's range, an exponent beyond BigDecimal's
        }
    }

    private Long integer(Object value) throws InvalidValue {
        if (value instanceof Long l) {
            return l;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger b && b.bitLength() < 64) {
            return b.longValue();
        }
        if (value instanceof BigDecimal d) {
            return wholeOf(d);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 9.0e18) {
                return (long) d;
            }
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                return wholeOf(decimalOf(s)); // 3.0 is a whole number too
            }
        }
        throw new InvalidValue(expected);
    }

    private Long wholeOf(BigDecimal d) throws InvalidValue {
        try {
            return d.longValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidValue(expected);
        }
    }

    private BigDecimal decimal(Object value) throws InvalidValue {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isFinite(d)) {
                return BigDecimal.valueOf(d);
            }
        }
        if (value instanceof String s) {
            return decimalOf(s);
        }
        throw new InvalidValue(expected);
    }

    private BigDecimal decimalOf(String s) throws InvalidValue {
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new InvalidValue(expected);
        }
    }

    private Boolean bool(Object value) throws InvalidValue {
        if (value instanceof Boolean b) {
            return b;
        }
        String text = Values.text(value).toLowerCase(Locale.ROOT);
        if (TRUE.contains(text)) {
            return Boolean.TRUE;
        }
        if (FALSE.contains(text)) {
            return Boolean.FALSE;
        }
        throw new InvalidValue(expected);
    }

    /** The moment a value stands for; values without an offset are read in the field's zone. */
    private ZonedDateTime moment(Object value) throws InvalidValue {
        switch (value) {
            case ZonedDateTime z -> {
                return z;
            }
            case OffsetDateTime o -> {
                return o.toZonedDateTime();
            }
            case Instant i -> {
                return i.atZone(zone);
            }
            case LocalDateTime l -> {
                return l.atZone(zone);
            }
            case LocalDate d -> {
                return d.atStartOfDay(zone);
            }
            // a JDBC timestamp without zone holds the wall-clock time the source wrote: read it in the field's zone,
            // whatever zone this JVM runs in
            case java.sql.Timestamp t -> {
                return t.toLocalDateTime().atZone(zone);
            }
            case java.sql.Date d -> {
                return d.toLocalDate().atStartOfDay(zone);
            }
            case java.util.Date d -> {
                return d.toInstant().atZone(zone);
            }
            default -> {
            }
        }
        if (value instanceof Number) {
            long epoch;
            try {
                epoch = integer(value);
            } catch (InvalidValue notWhole) {
                throw new InvalidValue(expected);
            }
            for (TemporalFormat format : formats) {
                if (format.isEpoch()) {
                    ZonedDateTime moment = format.fromEpoch(epoch, zone);
                    if (moment != null) {
                        return moment;
                    }
                }
            }
        }
        if (value instanceof Boolean) {
            throw new InvalidValue(expected);
        }
        String text = Values.text(value);
        for (TemporalFormat format : formats) {
            ZonedDateTime moment = format.read(text, zone, severalFormats);
            if (moment != null) {
                return moment;
            }
        }
        throw new InvalidValue(expected);
    }

    private static String expected(FieldType type, TemporalFormat[] formats) {
        return switch (type) {
            case STRING -> "text";
            case INTEGER -> "a whole number";
            case DECIMAL -> "a decimal number";
            case BOOLEAN -> "true/false, 1/0, yes/no, y/n or 是/否 (map other codes with a code table)";
            case DATE, DATETIME -> {
                StringBuilder s = new StringBuilder(type == FieldType.DATE ? "a date " : "a date-time ");
                String last = null;
                for (TemporalFormat format : formats) {
                    if (format.description().equals(last)) {
                        continue; // ISO-8601 is read by two formatters
                    }
                    s.append(last == null ? "as " : " or ").append(format.description());
                    last = format.description();
                }
                yield s.toString();
            }
        };
    }
}

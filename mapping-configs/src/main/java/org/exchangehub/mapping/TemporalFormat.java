package org.exchangehub.mapping;

import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;

/** One way a source writes dates and times: a formatter built once by the compiler, or epoch milliseconds or seconds. */
final class TemporalFormat {

    enum Kind { PATTERN, EPOCH_MILLIS, EPOCH_SECONDS }

    private final Kind kind;
    private final DateTimeFormatter formatter;
    private final String description;

    private TemporalFormat(Kind kind, DateTimeFormatter formatter, String description) {
        this.kind = kind;
        this.formatter = formatter;
        this.description = description;
    }

    static TemporalFormat pattern(DateTimeFormatter formatter, String description) {
        return new TemporalFormat(Kind.PATTERN, formatter, description);
    }

    static TemporalFormat epochMillis() {
        return new TemporalFormat(Kind.EPOCH_MILLIS, null, "epoch milliseconds");
    }

    static TemporalFormat epochSeconds() {
        return new TemporalFormat(Kind.EPOCH_SECONDS, null, "epoch seconds");
    }

    String description() {
        return description;
    }

    boolean isEpoch() {
        return kind != Kind.PATTERN;
    }

    /**
     * The moment the text stands for, in {@code zone} when the text has no offset; null when it is not in this format.
     *
     * @param oneOfSeveral whether other formats may still match: then a cheap syntactic check comes first, so that
     *                     the usual miss costs no exception
     */
    ZonedDateTime read(String text, ZoneId zone, boolean oneOfSeveral) {
        if (kind != Kind.PATTERN) {
            return isWholeNumber(text) ? fromEpoch(parseLongOrMin(text), zone) : null;
        }
        if (oneOfSeveral) {
            ParsePosition position = new ParsePosition(0);
            if (formatter.parseUnresolved(text, position) == null || position.getIndex() != text.length()) {
                return null;
            }
        }
        TemporalAccessor parsed;
        try {
            parsed = formatter.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
        LocalDate date = parsed.query(TemporalQueries.localDate());
        if (date == null) {
            return null;
        }
        LocalTime time = parsed.query(TemporalQueries.localTime());
        ZoneId written = parsed.query(TemporalQueries.zone());
        return ZonedDateTime.of(date, time == null ? LocalTime.MIDNIGHT : time, written == null ? zone : written);
    }

    /** The moment an epoch number stands for; null for a pattern format or a number beyond the calendar. */
    ZonedDateTime fromEpoch(long value, ZoneId zone) {
        if (kind == Kind.PATTERN || value == Long.MIN_VALUE) {
            return null;
        }
        try {
            Instant instant = kind == Kind.EPOCH_MILLIS ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
            return instant.atZone(zone);
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    private static boolean isWholeNumber(String text) {
        int start = text.startsWith("-") ? 1 : 0;
        if (text.length() == start || text.length() > 19) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static long parseLongOrMin(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE; // 19 digits beyond the range of long
        }
    }
}

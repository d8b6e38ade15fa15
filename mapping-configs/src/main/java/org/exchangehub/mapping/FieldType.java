package org.exchangehub.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

/** The type of a mapped value, and the Java type the {@link Mapper} gives it. */
public enum FieldType {
    STRING("string", String.class),
    /** A whole number, as {@link Long}. */
    INTEGER("integer", Long.class),
    DECIMAL("decimal", BigDecimal.class),
    BOOLEAN("boolean", Boolean.class),
    DATE("date", LocalDate.class),
    /** A date and time, as {@link OffsetDateTime} in the config's zone. */
    DATETIME("datetime", OffsetDateTime.class);

    private final String configName;
    private final Class<?> javaType;

    FieldType(String configName, Class<?> javaType) {
        this.configName = configName;
        this.javaType = javaType;
    }

    /** The name written in a mapping config's {@code type:}. */
    public String configName() {
        return configName;
    }

    public Class<?> javaType() {
        return javaType;
    }

    public boolean isTemporal() {
        return this == DATE || this == DATETIME;
    }

    public static Optional<FieldType> ofConfigName(String name) {
        for (FieldType type : values()) {
            if (type.configName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}

package org.exchangehub.mapping;

import java.util.Optional;

/** What a mapping config produces: its {@code target:}. */
public enum MappingTarget {
    /** The standard case record (办件) of the return flow; field names and types are those of {@link CaseRecordField}. */
    CASE_RECORD("case-record"),
    /** A catalogue entry's data items (信息项), keyed by item code: a provider's answer at the gateway. */
    DATA_ITEMS("data-items"),
    /** A provider's request parameters: a consuming system's parameters at the gateway. */
    REQUEST_PARAMETERS("request-parameters");

    private final String configName;

    MappingTarget(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static Optional<MappingTarget> ofConfigName(String name) {
        for (MappingTarget target : values()) {
            if (target.configName.equals(name)) {
                return Optional.of(target);
            }
        }
        return Optional.empty();
    }
}

package org.exchangehub.mapping;

import java.util.Map;

/**
 * A code table as one field uses it: the source's codes to target values already converted to the field's type, and
 * what an unknown code does.
 */
final class CodeLookup {

    enum OnUnknown {
        PROBLEM("problem"), PASS_THROUGH("pass-through"), DEFAULT("default");

        final String configName;

        OnUnknown(String configName) {
            this.configName = configName;
        }

        static OnUnknown ofConfigName(String name) {
            for (OnUnknown policy : values()) {
                if (policy.configName.equals(name)) {
                    return policy;
                }
            }
            throw new IllegalArgumentException(name); // the schema admits only the names above
        }
    }

    private final String name;
    private final Map<String, Object> codes;
    private final OnUnknown onUnknown;
    private final Object defaultValue;
    private final String knownCodes;

    CodeLookup(String name, Map<String, Object> codes, OnUnknown onUnknown, Object defaultValue) {
        this.name = name;
        this.codes = Map.copyOf(codes);
        this.onUnknown = onUnknown;
        this.defaultValue = defaultValue;
        this.knownCodes = known(codes);
    }

    /** The target value of a code, or null when the table does not have it. */
    Object lookUp(String code) {
        return codes.get(code);
    }

    OnUnknown onUnknown() {
        return onUnknown;
    }

    Object defaultValue() {
        return defaultValue;
    }

    /** For messages: {@code code table 'status' (known: 1, 2, 3, 4, 5, 6, 9)}. */
    String describe() {
        return (name == null ? "the field's code table" : "code table '" + name + "'") + " (known: " + knownCodes + ")";
    }

    private static String known(Map<String, Object> codes) {
        StringBuilder s = new StringBuilder();
        int shown = 0;
        for (String code : codes.keySet().stream().sorted().toList()) {
            if (shown == 12) {
                s.append(", … ").append(codes.size() - shown).append(" more");
                break;
            }
            s.append(shown++ == 0 ? "" : ", ").append(code);
        }
        return s.toString();
    }
}

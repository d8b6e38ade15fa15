package org.exchangehub.hub.console.returnflow;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.exchangehub.catalog.code.ResidentIdNumber;

/**
 * A failed record as the console shows it: pretty-printed when it is JSON, as received otherwise, and with resident
 * ID numbers masked the way the API's reasons mask them ({@code 620902********1234}). Masking goes by the look of
 * the value, not by field names, because every source names its ID field differently and a failed record may not
 * even have been mapped; a broken number (wrong check character, 15 digits of the old format) is masked too.
 */
final class PayloadMasking {

    /** 15 to 18 characters of digits (the last may be X), not part of a longer code such as a credit code. */
    private static final Pattern RESIDENT_ID = Pattern.compile("(?<![0-9A-Za-z])\\d{14,17}[0-9Xx](?![0-9A-Za-z])");

    private final ObjectMapper json;

    PayloadMasking(ObjectMapper json) {
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** The text, pretty-printed if it parses as JSON, with ID numbers masked. */
    String show(String raw) {
        if (raw == null) {
            return null;
        }
        String text = raw;
        try {
            JsonNode tree = json.readTree(raw);
            if (tree != null && (tree.isObject() || tree.isArray())) {
                text = json.writeValueAsString(tree);
            }
        } catch (Exception notJson) {
            // shown as received: an UNREADABLE record is exactly what the source has to look at
        }
        return mask(text);
    }

    /** Any value (a map of what could be mapped, an origin), pretty-printed as JSON with ID numbers masked. */
    String show(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return mask(json.writeValueAsString(value));
        } catch (Exception e) {
            return mask(String.valueOf(value));
        }
    }

    static String mask(String text) {
        Matcher m = RESIDENT_ID.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(ResidentIdNumber.mask(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}

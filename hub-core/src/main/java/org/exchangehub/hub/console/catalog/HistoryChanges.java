package org.exchangehub.hub.console.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An entry history line's changes as a reader follows them: one row per changed field, and for the data items one
 * row per item added, removed or changed (matched by name), rather than the whole item list before and after.
 */
public final class HistoryChanges {

    /** One changed field; {@code item} names the data item for data item changes, else null. */
    public record Change(String field, String item, String from, String to) {
    }

    static final String DATA_ITEMS = "dataItems";
    private static final String NONE = "—";

    private HistoryChanges() {
    }

    /** @param changes the history record's {@code changes}: field → {from, to}; null when nothing was compared */
    public static List<Change> of(Map<String, Object> changes) {
        List<Change> out = new ArrayList<>();
        if (changes == null) {
            return out;
        }
        for (Map.Entry<String, Object> e : changes.entrySet()) {
            Object from = e.getValue() instanceof Map<?, ?> m ? m.get("from") : null;
            Object to = e.getValue() instanceof Map<?, ?> m ? m.get("to") : e.getValue();
            if (DATA_ITEMS.equals(e.getKey())) {
                out.addAll(items(from, to));
            } else {
                out.add(new Change(e.getKey(), null, text(from), text(to)));
            }
        }
        return out;
    }

    private static List<Change> items(Object from, Object to) {
        Map<String, Map<?, ?>> before = byName(from);
        Map<String, Map<?, ?>> after = byName(to);
        Set<String> names = new LinkedHashSet<>(before.keySet());
        names.addAll(after.keySet());
        List<Change> out = new ArrayList<>();
        for (String name : names) {
            Map<?, ?> a = before.get(name);
            Map<?, ?> b = after.get(name);
            if (!Objects.equals(a, b)) {
                out.add(new Change(DATA_ITEMS, name, a == null ? NONE : describe(a), b == null ? NONE : describe(b)));
            }
        }
        return out;
    }

    private static Map<String, Map<?, ?>> byName(Object items) {
        Map<String, Map<?, ?>> byName = new LinkedHashMap<>();
        if (items instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) {
                    byName.put(String.valueOf(m.get("name")), m);
                }
            }
        }
        return byName;
    }

    /** A data item in one line: type, length, code, and a mark when sensitive. */
    private static String describe(Map<?, ?> item) {
        StringBuilder s = new StringBuilder(String.valueOf(item.get("type")));
        if (item.get("length") != null) {
            s.append('(').append(item.get("length")).append(')');
        }
        if (item.get("code") != null) {
            s.append(' ').append(item.get("code"));
        }
        if (Boolean.TRUE.equals(item.get("sensitive"))) {
            s.append(" ⚠");
        }
        if (item.get("description") != null) {
            s.append(" · ").append(item.get("description"));
        }
        return s.toString();
    }

    private static String text(Object value) {
        if (value == null) {
            return NONE;
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? NONE : String.join(", ", list.stream().map(String::valueOf).toList());
        }
        String s = String.valueOf(value);
        return s.isBlank() ? NONE : s;
    }
}

package org.exchangehub.hub.sso;

import java.util.Collection;

/** How a masked identity attribute looks: enough to recognise, not enough to use. */
final class AttributeMasking {

    private AttributeMasking() {
    }

    static Object mask(String attribute, Object value) {
        if (value instanceof Collection<?>) {
            return value; // roles: nothing personal to mask
        }
        String text = String.valueOf(value);
        return switch (attribute) {
            // a resident ID number: region (6) and check digits (4) stay, the birth date goes (GB 11643)
            case "id_number" -> keep(text, 6, 4);
            // a Chinese name: the family name stays (张*, 欧阳**); a Latin one: its initial
            case "name" -> keep(text, 1, 0);
            case "email" -> {
                int at = text.indexOf('@');
                yield at <= 0 ? keep(text, 1, 0) : keep(text.substring(0, at), 1, 0) + text.substring(at);
            }
            default -> keep(text, Math.min(2, text.length() / 4), Math.min(2, text.length() / 4));
        };
    }

    private static String keep(String text, int head, int tail) {
        int[] cps = text.codePoints().toArray();
        if (cps.length <= head + tail) {
            return "*".repeat(Math.max(1, cps.length));
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cps.length; i++) {
            if (i < head || i >= cps.length - tail) {
                out.appendCodePoint(cps[i]);
            } else {
                out.append('*');
            }
        }
        return out.toString();
    }
}

package org.exchangehub.hub.gateway;

import org.exchangehub.catalog.code.ResidentIdNumber;

/** How sensitive values leave the hub when a grant does not unmask them. */
final class Masking {

    private Masking() {
    }

    /**
     * A resident ID number keeps its region and last four ({@code 620102********1234}, the usual display); any
     * other value shows at most a quarter of its characters, an eighth at each end, and short values nothing.
     */
    static String mask(String value) {
        if (value.length() == 18 && ResidentIdNumber.isValid(value)) {
            return ResidentIdNumber.mask(value);
        }
        int[] cps = value.codePoints().toArray();
        int keep = cps.length / 8;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cps.length; i++) {
            out.appendCodePoint(i < keep || i >= cps.length - keep ? cps[i] : '*');
        }
        return out.toString();
    }
}

package org.exchangehub.catalog.code;

import java.util.Optional;
import java.util.Set;

/**
 * 行政区划代码 (GB/T 2260): six digits {@code PPCCXX}, province {@code PP}, prefecture {@code CC}, county {@code XX}.
 *
 * <p>Checked: six ASCII digits; the province part is one actually used in GB/T 2260 (11-15, 21-23, 31-37, 41-46,
 * 50-54, 61-65, 71, 81, 82); and the zeros are in a meaningful place: a province-level code is {@code PP0000}, a
 * prefecture-level code {@code PPCC00}, a county-level code {@code PPCCXX}, so a code with prefecture part
 * {@code 00} but a non-zero county part (e.g. {@code 110001}) is rejected. Whether the code is currently assigned
 * (codes change every year) is not checked.
 */
public final class RegionCode {

    /** Province-level parts in use in GB/T 2260. */
    private static final Set<Integer> PROVINCES = Set.of(
            11, 12, 13, 14, 15,
            21, 22, 23,
            31, 32, 33, 34, 35, 36, 37,
            41, 42, 43, 44, 45, 46,
            50, 51, 52, 53, 54,
            61, 62, 63, 64, 65,
            71, 81, 82);

    private RegionCode() {
    }

    /** The problem with {@code code}, in English, or empty when it is a well-formed region code. */
    public static Optional<String> problem(String code) {
        if (code == null || code.isEmpty()) {
            return Optional.of("expected a 6-digit region code (GB/T 2260), got nothing");
        }
        if (code.length() != 6) {
            return Optional.of("expected a 6-digit region code (GB/T 2260), got " + code.length() + " characters");
        }
        for (int i = 0; i < 6; i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.of("expected a 6-digit region code (GB/T 2260), found '" + c + "' at position " + (i + 1));
            }
        }
        int province = Integer.parseInt(code.substring(0, 2));
        if (!PROVINCES.contains(province)) {
            return Optional.of("expected a province part of 11-15, 21-23, 31-37, 41-46, 50-54, 61-65, 71, 81 or 82, got "
                    + code.substring(0, 2));
        }
        if (code.startsWith("00", 2) && !code.startsWith("00", 4)) {
            return Optional.of("expected a county part of 00 when the prefecture part is 00 (province-level code "
                    + code.substring(0, 2) + "0000), got " + code);
        }
        return Optional.empty();
    }

    /** Whether {@code code} is a well-formed region code. */
    public static boolean isValid(String code) {
        return problem(code).isEmpty();
    }

    /**
     * The province-level code ({@code PP0000}) the region belongs to, e.g. {@code 620000} for {@code 620102}.
     *
     * @throws IllegalArgumentException when {@code code} is not a valid region code
     */
    public static String provinceOf(String code) {
        requireValid(code);
        return code.substring(0, 2) + "0000";
    }

    /** Whether {@code code} is a valid province-level code ({@code PP0000}); false for invalid codes. */
    public static boolean isProvinceLevel(String code) {
        return isValid(code) && code.endsWith("0000");
    }

    /** Whether {@code code} is a valid prefecture (city) level code ({@code PPCC00}, {@code CC} not 00); false for invalid codes. */
    public static boolean isCityLevel(String code) {
        return isValid(code) && code.endsWith("00") && !code.endsWith("0000");
    }

    /** Whether {@code code} is a valid county-level code (last two digits not 00); false for invalid codes. */
    public static boolean isCountyLevel(String code) {
        return isValid(code) && !code.endsWith("00");
    }

    private static void requireValid(String code) {
        problem(code).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
    }
}

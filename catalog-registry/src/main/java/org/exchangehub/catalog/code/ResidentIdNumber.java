package org.exchangehub.catalog.code;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * 公民身份号码 (GB 11643-1999): 18 characters, {@code RRRRRR YYYYMMDD SSS C}.
 *
 * <ul>
 *   <li>positions 1-6: region code of the first registration, checked for shape only with {@link RegionCode}
 *       (abolished codes stay in people's numbers), plus {@code 830000} used in residence-permit numbers of Taiwan
 *       residents (港澳台居民居住证; Hong Kong and Macao residents use {@code 810000} and {@code 820000});</li>
 *   <li>positions 7-14: birth date {@code yyyyMMdd}, a real calendar date, not before 1900-01-01 and not after
 *       today (Beijing time);</li>
 *   <li>positions 15-17: sequence number (odd for men, even for women);</li>
 *   <li>position 18: ISO 7064 MOD 11-2 check character, {@code 0-9} or upper-case {@code X} for 10.</li>
 * </ul>
 */
public final class ResidentIdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private ResidentIdNumber() {
    }

    /** The problem with {@code id}, in English, or empty when it is a valid resident ID number as of today. */
    public static Optional<String> problem(String id) {
        return problem(id, LocalDate.now(CHINA));
    }

    /** The problem with {@code id}, with birth dates after {@code today} rejected; for tests and batch re-checks. */
    public static Optional<String> problem(String id, LocalDate today) {
        if (id == null || id.isEmpty()) {
            return Optional.of("expected an 18-character resident ID number, got nothing");
        }
        if (id.length() != 18) {
            return Optional.of("expected an 18-character resident ID number, got " + id.length() + " characters");
        }
        Optional<String> digitsProblem = digitsProblem(id.substring(0, 17));
        if (digitsProblem.isPresent()) {
            return digitsProblem;
        }
        char actual = id.charAt(17);
        if (!((actual >= '0' && actual <= '9') || actual == 'X')) {
            return Optional.of("expected a check character of 0-9 or upper-case X in position 18, got '" + actual + "'");
        }
        String region = id.substring(0, 6);
        if (!region.equals("830000")) {
            Optional<String> regionProblem = RegionCode.problem(region);
            if (regionProblem.isPresent()) {
                return Optional.of("expected a region code in positions 1-6: " + regionProblem.get());
            }
        }
        String birth = id.substring(6, 14);
        LocalDate birthDate;
        try {
            // the digits are checked above; LocalDate.of refuses a 30 February as a strict yyyyMMdd parse would,
            // at a fraction of the cost (the gateway checks every ID number it masks)
            birthDate = LocalDate.of(Integer.parseInt(birth, 0, 4, 10), Integer.parseInt(birth, 4, 6, 10),
                    Integer.parseInt(birth, 6, 8, 10));
        } catch (DateTimeException e) {
            return Optional.of("expected a real birth date yyyyMMdd in positions 7-14, got " + birth);
        }
        if (birthDate.isBefore(EARLIEST_BIRTH)) {
            return Optional.of("expected a birth date not before 1900-01-01 in positions 7-14, got " + birthDate);
        }
        if (birthDate.isAfter(today)) {
            return Optional.of("expected a birth date not in the future in positions 7-14, got " + birthDate);
        }
        char expected = computeCheck(id);
        if (actual != expected) {
            return Optional.of("expected check character '" + expected + "' in position 18, got '" + actual + "'");
        }
        return Optional.empty();
    }

    /** Whether {@code id} is a valid resident ID number as of today. */
    public static boolean isValid(String id) {
        return problem(id).isEmpty();
    }

    /**
     * The ISO 7064 MOD 11-2 check character for the first 17 digits, e.g. to build valid numbers in tests and demo data.
     *
     * @throws IllegalArgumentException when {@code first17} is not 17 digits
     */
    public static char checkCharacterFor(String first17) {
        if (first17 == null || first17.length() != 17) {
            throw new IllegalArgumentException("expected the first 17 digits of a resident ID number, got "
                    + (first17 == null ? "nothing" : first17.length() + " characters"));
        }
        digitsProblem(first17).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        return computeCheck(first17);
    }

    /**
     * The number masked for display and logs: the first 6 and last 4 characters kept, each one between replaced by
     * {@code *}, e.g. {@code 620102********1234}. Works on any string (no validation); a value of 10 characters or
     * fewer is masked entirely, and {@code null} gives {@code null}.
     */
    public static String mask(String id) {
        if (id == null) {
            return null;
        }
        int n = id.length();
        if (n <= 10) {
            return "*".repeat(n);
        }
        return id.substring(0, 6) + "*".repeat(n - 10) + id.substring(n - 4);
    }

    private static Optional<String> digitsProblem(String first17) {
        for (int i = 0; i < first17.length(); i++) {
            char c = first17.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.of("expected digits in positions 1-17, found '" + c + "' at position " + (i + 1));
            }
        }
        return Optional.empty();
    }

    private static char computeCheck(String digits) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }
}

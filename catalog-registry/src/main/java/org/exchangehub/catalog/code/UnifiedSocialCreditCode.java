package org.exchangehub.catalog.code;

import java.util.Optional;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from the 31-character alphabet {@code 0-9 A-H J-N P-R T-U W-Y}
 * (no I, O, Z, S, V).
 *
 * <ol>
 *   <li>position 1: registration authority (登记管理部门代码);</li>
 *   <li>position 2: organisation type (机构类别代码);</li>
 *   <li>positions 3-8: region code of the registration authority (登记管理机关行政区划码), six digits;</li>
 *   <li>positions 9-17: organisation code (主体标识码, the former 组织机构代码 body);</li>
 *   <li>position 18: check character, {@code 31 - (Σ value(c_i) × w_i mod 31)} with weights
 *       1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28 (a result of 31 becomes 0), written with the same alphabet.</li>
 * </ol>
 *
 * <p>Positions 1 and 2 are only checked against the alphabet, and positions 3-8 only for being digits: central
 * organs are registered under {@code 100000}, which is not a GB/T 2260 code.
 */
public final class UnifiedSocialCreditCode {

    /** The code alphabet; a character's index is its numeric value. */
    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private UnifiedSocialCreditCode() {
    }

    /** The problem with {@code code}, in English, or empty when it is a valid unified social credit code. */
    public static Optional<String> problem(String code) {
        if (code == null || code.isEmpty()) {
            return Optional.of("expected an 18-character unified social credit code, got nothing");
        }
        if (code.length() != 18) {
            return Optional.of("expected an 18-character unified social credit code, got " + code.length() + " characters");
        }
        Optional<String> alphabetProblem = alphabetProblem(code);
        if (alphabetProblem.isPresent()) {
            return alphabetProblem;
        }
        for (int i = 2; i < 8; i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.of("expected a 6-digit region code in positions 3-8, found '" + c + "' at position " + (i + 1));
            }
        }
        char expected = computeCheck(code);
        char actual = code.charAt(17);
        if (expected != actual) {
            return Optional.of("expected check character '" + expected + "' in position 18, got '" + actual + "'");
        }
        return Optional.empty();
    }

    /** Whether {@code code} is a valid unified social credit code. */
    public static boolean isValid(String code) {
        return problem(code).isEmpty();
    }

    /**
     * The check character for the first 17 characters of a code, e.g. to build valid codes in tests and demo data.
     *
     * @throws IllegalArgumentException when {@code first17} is not 17 characters of the code alphabet
     */
    public static char checkCharacterFor(String first17) {
        if (first17 == null || first17.length() != 17) {
            throw new IllegalArgumentException("expected the first 17 characters of a unified social credit code, got "
                    + (first17 == null ? "nothing" : first17.length() + " characters"));
        }
        alphabetProblem(first17).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        return computeCheck(first17);
    }

    private static Optional<String> alphabetProblem(String code) {
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (ALPHABET.indexOf(c) < 0) {
                String hint = Character.isLowerCase(c) ? " (letters must be upper-case)"
                        : "IOZSV".indexOf(c) >= 0 ? " (I, O, Z, S and V are never used)" : "";
                return Optional.of("expected characters 0-9 or A-H, J-N, P-R, T-U, W-Y, found '" + c + "' at position "
                        + (i + 1) + hint);
            }
        }
        return Optional.empty();
    }

    /** Check character over positions 1-17; the characters must already be known to be in the alphabet. */
    private static char computeCheck(String code) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return ALPHABET.charAt(check);
    }
}

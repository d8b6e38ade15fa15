package org.exchangehub.catalog.text;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Splits text into search terms. PostgreSQL has no Chinese word splitter, so runs of Chinese characters become
 * their single characters and overlapping pairs (营业执照 → 营 业 执 照 营业 业执 执照); runs of Latin letters and
 * digits become lower-case words. Indexed text and queries are split the same way, so a query's pairs must all
 * occur in a match, which finds 企业营业执照信息 for 营业执照.
 */
public final class ChineseTerms {

    private ChineseTerms() {
    }

    /** Terms for indexing: every unigram and bigram of each Chinese run, and every word, space-separated. */
    public static String forIndex(String text) {
        return String.join(" ", split(text, true));
    }

    /** Terms for a query: bigrams of each Chinese run (a single character stays itself), and every word. */
    public static String forQuery(String text) {
        return String.join(" ", split(text, false));
    }

    static Set<String> split(String text, boolean index) {
        Set<String> terms = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return terms;
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase();
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (isHan(cp)) {
                int start = i;
                while (i < s.length() && isHan(s.codePointAt(i))) {
                    i += Character.charCount(s.codePointAt(i));
                }
                addHanRun(terms, s.substring(start, i), index);
            } else if (Character.isLetterOrDigit(cp)) {
                int start = i;
                while (i < s.length() && Character.isLetterOrDigit(s.codePointAt(i)) && !isHan(s.codePointAt(i))) {
                    i += Character.charCount(s.codePointAt(i));
                }
                terms.add(s.substring(start, i));
            } else {
                i += Character.charCount(cp);
            }
        }
        return terms;
    }

    private static void addHanRun(Set<String> terms, String run, boolean index) {
        int[] cps = run.codePoints().toArray();
        if (cps.length == 1 || index) {
            for (int cp : cps) {
                terms.add(new String(Character.toChars(cp)));
            }
        }
        for (int j = 0; j + 1 < cps.length; j++) {
            terms.add(new String(cps, j, 2));
        }
    }

    private static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }
}

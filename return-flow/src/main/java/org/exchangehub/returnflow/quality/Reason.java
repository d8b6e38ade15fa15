package org.exchangehub.returnflow.quality;

/**
 * Why a record failed one rule.
 *
 * @param rule  the rule's code, e.g. {@code ID_NUMBER_INVALID}
 * @param field the standard field concerned, e.g. {@code idNumber} (null for the whole record)
 * @param zh    the reason in Chinese
 * @param en    the reason in English: the field, what was found and what was expected
 */
public record Reason(String rule, String field, String zh, String en) {

    public static Reason of(QualityRule rule, String field, String zhDetail, String enDetail) {
        String prefix = field == null ? "" : field + ": ";
        return new Reason(rule.code(), field, rule.zh() + (zhDetail == null ? "" : "：" + zhDetail), prefix + enDetail);
    }
}

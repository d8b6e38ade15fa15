/**
 * Validators for the Chinese standard codes the hub meets in catalogue entries, case records and imports.
 *
 * <ul>
 *   <li>{@link org.exchangehub.catalog.code.UnifiedSocialCreditCode} 统一社会信用代码 (GB 32100-2015);</li>
 *   <li>{@link org.exchangehub.catalog.code.RegionCode} 行政区划代码 (GB/T 2260);</li>
 *   <li>{@link org.exchangehub.catalog.code.ResidentIdNumber} 公民身份号码 (GB 11643-1999).</li>
 * </ul>
 *
 * <p>Each validator is a final class with static methods only. {@code problem(String)} returns an English
 * message saying what was expected, or an empty {@code Optional} when the value is valid; {@code isValid(String)}
 * is its boolean shorthand. Validation is strict: values are not trimmed or upper-cased, so callers that accept
 * user input should normalise it first (a lower-case letter is reported as such). {@code null} is never valid and
 * never throws.
 */
package org.exchangehub.catalog.code;

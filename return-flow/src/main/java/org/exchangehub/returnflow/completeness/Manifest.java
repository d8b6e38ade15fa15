package org.exchangehub.returnflow.completeness;

import java.time.LocalDate;
import java.util.List;

/**
 * What a source declares it sent on one day: the case numbers, or only how many.
 *
 * @param sourceId    the source
 * @param day         the day (Asia/Shanghai) the records were sent
 * @param caseNumbers the case numbers sent, or null/empty when only a count is declared
 * @param count       the number sent; when case numbers are listed it defaults to their number
 */
public record Manifest(String sourceId, LocalDate day, List<String> caseNumbers, Integer count) {
}

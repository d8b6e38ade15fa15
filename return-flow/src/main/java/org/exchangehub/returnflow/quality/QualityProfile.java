package org.exchangehub.returnflow.quality;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The rule set that applies to one source: the rules switched off and the standard fields required beyond the
 * mandatory ones (caseNumber, sourceSystem, itemCode, status are always required).
 *
 * @param disabledRules  rules not applied (e.g. REGION_CODE_INVALID for a source that sends no region)
 * @param requiredFields standard field names every record must carry
 */
public record QualityProfile(Set<QualityRule> disabledRules, List<String> requiredFields) {

    public static final List<String> DEFAULT_REQUIRED = List.of("acceptingDepartmentCode", "applicantName", "acceptedAt");
    public static final QualityProfile DEFAULT = new QualityProfile(Set.of(), DEFAULT_REQUIRED);

    public QualityProfile {
        disabledRules = disabledRules == null || disabledRules.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(disabledRules));
        requiredFields = requiredFields == null ? List.of() : List.copyOf(requiredFields);
    }

    public boolean applies(QualityRule rule) {
        return !disabledRules.contains(rule);
    }
}

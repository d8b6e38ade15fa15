package org.exchangehub.returnflow.record;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.exchangehub.mapping.CaseRecordField;

/**
 * The standard case record (办件) every source's records are mapped to (docs/return-flow.md). Any field may be null
 * here: a record is built from whatever its mapping gave, and the quality checks say what is missing.
 */
public record CaseRecord(
        String caseNumber,
        String sourceSystem,
        String itemCode,
        String itemName,
        String applicantType,
        String applicantName,
        String idType,
        String idNumber,
        String acceptingDepartmentCode,
        String regionCode,
        String channel,
        OffsetDateTime submittedAt,
        OffsetDateTime acceptedAt,
        OffsetDateTime decidedAt,
        OffsetDateTime completedAt,
        OffsetDateTime deliveredAt,
        Integer committedDeadlineDays,
        Integer legalDeadlineDays,
        String status,
        String result,
        Long version,
        OffsetDateTime updatedAt) {

    public static final String PERSON = "PERSON";
    public static final String ORGANISATION = "ORGANISATION";
    public static final String RESIDENT_ID = "RESIDENT_ID";
    public static final String UNIFIED_SOCIAL_CREDIT_CODE = "UNIFIED_SOCIAL_CREDIT_CODE";

    /** A record from a mapper's values (keys of {@link CaseRecordField}, typed as the mapping gives them). */
    public static CaseRecord of(Map<String, Object> v) {
        return new CaseRecord(
                text(v, CaseRecordField.CASE_NUMBER), text(v, CaseRecordField.SOURCE_SYSTEM),
                text(v, CaseRecordField.ITEM_CODE), text(v, CaseRecordField.ITEM_NAME),
                text(v, CaseRecordField.APPLICANT_TYPE), text(v, CaseRecordField.APPLICANT_NAME),
                text(v, CaseRecordField.ID_TYPE), text(v, CaseRecordField.ID_NUMBER),
                text(v, CaseRecordField.ACCEPTING_DEPARTMENT_CODE), text(v, CaseRecordField.REGION_CODE),
                text(v, CaseRecordField.CHANNEL),
                time(v, CaseRecordField.SUBMITTED_AT), time(v, CaseRecordField.ACCEPTED_AT),
                time(v, CaseRecordField.DECIDED_AT), time(v, CaseRecordField.COMPLETED_AT),
                time(v, CaseRecordField.DELIVERED_AT),
                integer(v, CaseRecordField.COMMITTED_DEADLINE_DAYS), integer(v, CaseRecordField.LEGAL_DEADLINE_DAYS),
                text(v, CaseRecordField.STATUS), text(v, CaseRecordField.RESULT),
                v.get(CaseRecordField.VERSION.fieldName()) instanceof Number n ? n.longValue() : null,
                time(v, CaseRecordField.UPDATED_AT));
    }

    /** The record as a JSON-ready map in the standard field order, without absent fields. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, CaseRecordField.CASE_NUMBER, caseNumber);
        put(m, CaseRecordField.SOURCE_SYSTEM, sourceSystem);
        put(m, CaseRecordField.ITEM_CODE, itemCode);
        put(m, CaseRecordField.ITEM_NAME, itemName);
        put(m, CaseRecordField.APPLICANT_TYPE, applicantType);
        put(m, CaseRecordField.APPLICANT_NAME, applicantName);
        put(m, CaseRecordField.ID_TYPE, idType);
        put(m, CaseRecordField.ID_NUMBER, idNumber);
        put(m, CaseRecordField.ACCEPTING_DEPARTMENT_CODE, acceptingDepartmentCode);
        put(m, CaseRecordField.REGION_CODE, regionCode);
        put(m, CaseRecordField.CHANNEL, channel);
        put(m, CaseRecordField.SUBMITTED_AT, submittedAt == null ? null : submittedAt.toString());
        put(m, CaseRecordField.ACCEPTED_AT, acceptedAt == null ? null : acceptedAt.toString());
        put(m, CaseRecordField.DECIDED_AT, decidedAt == null ? null : decidedAt.toString());
        put(m, CaseRecordField.COMPLETED_AT, completedAt == null ? null : completedAt.toString());
        put(m, CaseRecordField.DELIVERED_AT, deliveredAt == null ? null : deliveredAt.toString());
        put(m, CaseRecordField.COMMITTED_DEADLINE_DAYS, committedDeadlineDays);
        put(m, CaseRecordField.LEGAL_DEADLINE_DAYS, legalDeadlineDays);
        put(m, CaseRecordField.STATUS, status);
        put(m, CaseRecordField.RESULT, result);
        put(m, CaseRecordField.VERSION, version);
        put(m, CaseRecordField.UPDATED_AT, updatedAt == null ? null : updatedAt.toString());
        return m;
    }

    private static void put(Map<String, Object> m, CaseRecordField field, Object value) {
        if (value != null) {
            m.put(field.fieldName(), value);
        }
    }

    private static String text(Map<String, Object> v, CaseRecordField field) {
        Object value = v.get(field.fieldName());
        return value == null ? null : value.toString();
    }

    private static OffsetDateTime time(Map<String, Object> v, CaseRecordField field) {
        return v.get(field.fieldName()) instanceof OffsetDateTime t ? t : null;
    }

    private static Integer integer(Map<String, Object> v, CaseRecordField field) {
        Object value = v.get(field.fieldName());
        if (value instanceof Number n) {
            long l = n.longValue();
            return l > Integer.MAX_VALUE || l < Integer.MIN_VALUE ? null : (int) l;
        }
        return null;
    }
}

package org.exchangehub.mapping;

import java.util.Optional;
import java.util.Set;

/**
 * The fields of the standard case record (办件) that the return flow receives from every source, with their types.
 * A {@code target: case-record} config may only map these, with these types; the mandatory ones (the record's
 * identity and what every quality check needs) must be mapped and are always required. Fields with a standard
 * vocabulary take only its values from constants, defaults and code tables.
 */
public enum CaseRecordField {
    CASE_NUMBER("caseNumber", FieldType.STRING, true),
    SOURCE_SYSTEM("sourceSystem", FieldType.STRING, true),
    ITEM_CODE("itemCode", FieldType.STRING, true),
    ITEM_NAME("itemName", FieldType.STRING, false),
    APPLICANT_TYPE("applicantType", FieldType.STRING, false, "PERSON", "ORGANISATION"),
    APPLICANT_NAME("applicantName", FieldType.STRING, false),
    ID_TYPE("idType", FieldType.STRING, false),
    ID_NUMBER("idNumber", FieldType.STRING, false),
    ACCEPTING_DEPARTMENT_CODE("acceptingDepartmentCode", FieldType.STRING, false),
    REGION_CODE("regionCode", FieldType.STRING, false),
    CHANNEL("channel", FieldType.STRING, false, "ONLINE", "WINDOW", "MOBILE"),
    SUBMITTED_AT("submittedAt", FieldType.DATETIME, false),
    ACCEPTED_AT("acceptedAt", FieldType.DATETIME, false),
    DECIDED_AT("decidedAt", FieldType.DATETIME, false),
    COMPLETED_AT("completedAt", FieldType.DATETIME, false),
    DELIVERED_AT("deliveredAt", FieldType.DATETIME, false),
    COMMITTED_DEADLINE_DAYS("committedDeadlineDays", FieldType.INTEGER, false),
    LEGAL_DEADLINE_DAYS("legalDeadlineDays", FieldType.INTEGER, false),
    STATUS("status", FieldType.STRING, true,
            "SUBMITTED", "ACCEPTED", "UNDER_REVIEW", "DECIDED", "DELIVERED", "COMPLETED", "WITHDRAWN"),
    RESULT("result", FieldType.STRING, false),
    /** The source's version of the record, when it counts versions (a staging table's DATAVERSION). */
    VERSION("version", FieldType.INTEGER, false),
    /** When the source last changed the record (GXSJ, updated_at): a newer one replaces an older one. */
    UPDATED_AT("updatedAt", FieldType.DATETIME, false);

    private final String fieldName;
    private final FieldType type;
    private final boolean mandatory;
    private final Set<String> standardCodes;

    CaseRecordField(String fieldName, FieldType type, boolean mandatory, String... standardCodes) {
        this.fieldName = fieldName;
        this.type = type;
        this.mandatory = mandatory;
        this.standardCodes = Set.of(standardCodes);
    }

    /** The key in a mapped record and in a config's {@code fields:}, e.g. {@code submittedAt}. */
    public String fieldName() {
        return fieldName;
    }

    public FieldType type() {
        return type;
    }

    /** Whether every case-record config must map it; a record without it gets a problem. */
    public boolean mandatory() {
        return mandatory;
    }

    /** The standard codes this field takes (status: SUBMITTED, ACCEPTED…), or none when it has no fixed vocabulary. */
    public Set<String> standardCodes() {
        return standardCodes;
    }

    public static Optional<CaseRecordField> ofFieldName(String name) {
        for (CaseRecordField field : values()) {
            if (field.fieldName.equals(name)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }
}

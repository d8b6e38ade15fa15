package org.exchangehub.returnflow.quality;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.exchangehub.catalog.BureauCalendar;
import org.exchangehub.catalog.code.RegionCode;
import org.exchangehub.catalog.code.ResidentIdNumber;
import org.exchangehub.catalog.code.UnifiedSocialCreditCode;
import org.exchangehub.mapping.CaseRecordField;
import org.exchangehub.mapping.Mapper;
import org.exchangehub.mapping.MappingProblem;
import org.exchangehub.mapping.MappingResult;
import org.exchangehub.returnflow.record.CaseRecord;
import org.exchangehub.returnflow.record.CaseStatus;
import org.exchangehub.returnflow.record.IncomingRecord;

/**
 * Maps a batch of received records and applies the quality rules. A mapping problem is a failure of its record
 * (REQUIRED_FIELD, UNKNOWN_CODE, INVALID_VALUE), never an exception; lookups (items, departments) are done once per
 * batch. Thread-safe.
 */
public final class QualityChecks {

    private static final ZoneId ZONE = BureauCalendar.ZONE;

    private final ReferenceData reference;
    private final QualitySettings settings;

    public QualityChecks(ReferenceData reference, QualitySettings settings) {
        this.reference = reference;
        this.settings = settings;
    }

    public List<CheckedRecord> check(Mapper mapper, QualityProfile profile, List<IncomingRecord> records) {
        List<MappingResult> mapped = new ArrayList<>(records.size());
        Set<String> items = new HashSet<>();
        Set<String> departments = new HashSet<>();
        for (IncomingRecord r : records) {
            MappingResult result = r.payload() == null ? null : map(mapper, r.payload());
            mapped.add(result);
            if (result != null) {
                if (result.value("itemCode") instanceof String item) {
                    items.add(item);
                }
                if (result.value("acceptingDepartmentCode") instanceof String dept) {
                    departments.add(dept);
                }
            }
        }
        Set<String> knownItems = profile.applies(QualityRule.ITEM_UNKNOWN) ? reference.knownItems(items) : items;
        Set<String> knownDepartments = profile.applies(QualityRule.DEPARTMENT_UNKNOWN)
                ? reference.knownDepartments(departments) : departments;
        OffsetDateTime now = OffsetDateTime.now(settings.clock()).atZoneSameInstant(ZONE).toOffsetDateTime();
        List<CheckedRecord> checked = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            checked.add(check(records.get(i), mapped.get(i), profile, knownItems, knownDepartments, now));
        }
        return checked;
    }

    private static MappingResult map(Mapper mapper, Object payload) {
        if (payload instanceof com.fasterxml.jackson.databind.JsonNode node) {
            return mapper.map(node);
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> row = (Map<String, ?>) payload;
        return mapper.map(row);
    }

    private CheckedRecord check(IncomingRecord incoming, MappingResult mapped, QualityProfile profile, Set<String> knownItems,
                                Set<String> knownDepartments, OffsetDateTime now) {
        if (mapped == null) {
            return new CheckedRecord(incoming, Map.of(), null, List.of(Reason.of(QualityRule.UNREADABLE, null,
                    "无法读取为 JSON 对象或数据行", incoming.unreadable() == null ? "not readable" : incoming.unreadable())), null);
        }
        CaseRecord record = CaseRecord.of(mapped.values());
        List<Reason> reasons = new ArrayList<>();
        Set<String> problemFields = new HashSet<>();
        for (MappingProblem p : mapped.problems()) {
            problemFields.add(p.targetField());
            reasons.add(switch (p.code()) {
                case MISSING_REQUIRED -> Reason.of(QualityRule.REQUIRED_FIELD, p.targetField(),
                        "字段 " + p.targetField() + "（源字段 " + p.sourcePath() + "）无值",
                        "required, but " + p.sourcePath() + " has no value");
                case UNKNOWN_CODE -> Reason.of(QualityRule.UNKNOWN_CODE, p.targetField(),
                        "源字段 " + p.sourcePath() + " 的代码不在代码表中", p.message() + " (from " + p.sourcePath() + ")");
                case INVALID_VALUE, WRONG_SHAPE -> Reason.of(QualityRule.INVALID_VALUE, p.targetField(),
                        "源字段 " + p.sourcePath() + " 的值无法读取", p.message() + " (from " + p.sourcePath() + ")");
            });
        }
        if (profile.applies(QualityRule.REQUIRED_FIELD)) {
            Map<String, Object> values = mapped.values();
            for (String field : profile.requiredFields()) {
                if (!values.containsKey(field) && !problemFields.contains(field)) {
                    problemFields.add(field);
                    reasons.add(Reason.of(QualityRule.REQUIRED_FIELD, field, "字段 " + field + " 必填",
                            "required by this source's rule set, but the record has no value"));
                }
            }
        }
        if (profile.applies(QualityRule.ITEM_UNKNOWN) && record.itemCode() != null && !knownItems.contains(record.itemCode())) {
            reasons.add(Reason.of(QualityRule.ITEM_UNKNOWN, "itemCode", "事项编码 " + record.itemCode() + " 未在事项清单中登记",
                    "expected the code of a registered service item, got '" + record.itemCode() + "'"));
        }
        if (profile.applies(QualityRule.DEPARTMENT_UNKNOWN) && record.acceptingDepartmentCode() != null
                && !knownDepartments.contains(record.acceptingDepartmentCode())) {
            reasons.add(Reason.of(QualityRule.DEPARTMENT_UNKNOWN, "acceptingDepartmentCode",
                    "部门代码 " + record.acceptingDepartmentCode() + " 未登记",
                    "expected the unified social credit code of a registered department, got '"
                            + record.acceptingDepartmentCode() + "'"));
        }
        idNumber(record, profile, now.toLocalDate()).ifPresent(reasons::add);
        if (profile.applies(QualityRule.REGION_CODE_INVALID) && record.regionCode() != null) {
            RegionCode.problem(record.regionCode()).ifPresent(p -> reasons.add(Reason.of(QualityRule.REGION_CODE_INVALID,
                    "regionCode", "值 " + record.regionCode(), p)));
        }
        if (profile.applies(QualityRule.TIME_ORDER)) {
            timeOrder(record, reasons);
        }
        if (profile.applies(QualityRule.TIME_IN_FUTURE)) {
            future(record, now, reasons);
        }
        if (profile.applies(QualityRule.STATUS_INCONSISTENT)) {
            status(record, reasons);
        }
        Overdue overdue = reasons.isEmpty() && profile.applies(QualityRule.OVERDUE) ? overdue(record) : null;
        return new CheckedRecord(incoming, mapped.values(), record, List.copyOf(reasons), overdue);
    }

    private Optional<Reason> idNumber(CaseRecord r, QualityProfile profile, LocalDate today) {
        if (r.idNumber() == null) {
            return Optional.empty();
        }
        String kind = r.idType() != null ? r.idType()
                : CaseRecord.PERSON.equals(r.applicantType()) ? CaseRecord.RESIDENT_ID
                : CaseRecord.ORGANISATION.equals(r.applicantType()) ? CaseRecord.UNIFIED_SOCIAL_CREDIT_CODE : null;
        if (CaseRecord.RESIDENT_ID.equals(kind) && profile.applies(QualityRule.ID_NUMBER_INVALID)) {
            return ResidentIdNumber.problem(r.idNumber(), today).map(p -> Reason.of(QualityRule.ID_NUMBER_INVALID, "idNumber",
                    "号码 " + ResidentIdNumber.mask(r.idNumber()), p));
        }
        if (CaseRecord.UNIFIED_SOCIAL_CREDIT_CODE.equals(kind) && profile.applies(QualityRule.CREDIT_CODE_INVALID)) {
            return UnifiedSocialCreditCode.problem(r.idNumber()).map(p -> Reason.of(QualityRule.CREDIT_CODE_INVALID, "idNumber",
                    "代码 " + r.idNumber(), p));
        }
        return Optional.empty();
    }

    private static void timeOrder(CaseRecord r, List<Reason> reasons) {
        Map<String, OffsetDateTime> stages = new LinkedHashMap<>();
        stages.put(CaseRecordField.SUBMITTED_AT.fieldName(), r.submittedAt());
        stages.put(CaseRecordField.ACCEPTED_AT.fieldName(), r.acceptedAt());
        stages.put(CaseRecordField.DECIDED_AT.fieldName(), r.decidedAt());
        stages.put(CaseRecordField.COMPLETED_AT.fieldName(), r.completedAt());
        String previousField = null;
        OffsetDateTime previous = null;
        for (var stage : stages.entrySet()) {
            if (stage.getValue() == null) {
                continue;
            }
            if (previous != null && stage.getValue().isBefore(previous)) {
                reasons.add(Reason.of(QualityRule.TIME_ORDER, stage.getKey(),
                        stage.getKey() + "（" + stage.getValue() + "）早于 " + previousField + "（" + previous + "）",
                        "expected a time not before " + previousField + " " + previous + ", got " + stage.getValue()));
            } else {
                previous = stage.getValue();
                previousField = stage.getKey();
            }
        }
        OffsetDateTime beforeDelivery = r.decidedAt() != null ? r.decidedAt() : r.acceptedAt();
        if (r.deliveredAt() != null && beforeDelivery != null && r.deliveredAt().isBefore(beforeDelivery)) {
            String field = r.decidedAt() != null ? "decidedAt" : "acceptedAt";
            reasons.add(Reason.of(QualityRule.TIME_ORDER, "deliveredAt", "送达时间早于 " + field,
                    "expected a time not before " + field + " " + beforeDelivery + ", got " + r.deliveredAt()));
        }
    }

    private void future(CaseRecord r, OffsetDateTime now, List<Reason> reasons) {
        OffsetDateTime latest = now.plus(settings.futureTolerance());
        Map<String, OffsetDateTime> times = new LinkedHashMap<>();
        times.put("submittedAt", r.submittedAt());
        times.put("acceptedAt", r.acceptedAt());
        times.put("decidedAt", r.decidedAt());
        times.put("completedAt", r.completedAt());
        times.put("deliveredAt", r.deliveredAt());
        times.put("updatedAt", r.updatedAt());
        times.forEach((field, time) -> {
            if (time != null && time.isAfter(latest)) {
                reasons.add(Reason.of(QualityRule.TIME_IN_FUTURE, field, field + "（" + time + "）晚于当前时间",
                        "expected a time not after now (" + now.withNano(0) + "), got " + time));
            }
        });
    }

    private static void status(CaseRecord r, List<Reason> reasons) {
        Optional<CaseStatus> status = CaseStatus.of(r.status());
        if (status.isEmpty()) {
            return; // the mapping reported an unknown status already
        }
        CaseStatus s = status.get();
        if (s == CaseStatus.COMPLETED && r.completedAt() == null) {
            reasons.add(Reason.of(QualityRule.STATUS_INCONSISTENT, "completedAt", "状态为已办结但无办结时间",
                    "required when status is COMPLETED, but the record has no completion time"));
        }
        if (s == CaseStatus.DELIVERED && r.deliveredAt() == null && r.completedAt() == null) {
            reasons.add(Reason.of(QualityRule.STATUS_INCONSISTENT, "deliveredAt", "状态为已送达但无送达时间",
                    "required when status is DELIVERED, but the record has neither a delivery nor a completion time"));
        }
        if (s.accepted() && r.acceptedAt() == null) {
            reasons.add(Reason.of(QualityRule.STATUS_INCONSISTENT, "acceptedAt", "状态为 " + s + " 但无受理时间",
                    "required when status is " + s + " (the case was accepted), but the record has no acceptance time"));
        }
        if (s.open() && r.completedAt() != null) {
            reasons.add(Reason.of(QualityRule.STATUS_INCONSISTENT, "status", "状态为 " + s + " 但已有办结时间",
                    "expected COMPLETED (or DELIVERED) for a case with a completion time (" + r.completedAt() + "), got " + s));
        }
    }

    /** Late against the committed deadline (yellow) or the legal one (red), counted in working days from acceptance. */
    private Overdue overdue(CaseRecord r) {
        if (r.acceptedAt() == null || r.completedAt() == null) {
            return null;
        }
        LocalDate accepted = r.acceptedAt().atZoneSameInstant(ZONE).toLocalDate();
        LocalDate completed = r.completedAt().atZoneSameInstant(ZONE).toLocalDate();
        var calendar = settings.calendar();
        if (r.legalDeadlineDays() != null) {
            LocalDate legal = calendar.deadline(accepted, r.legalDeadlineDays());
            if (completed.isAfter(legal)) {
                return new Overdue(Overdue.Card.RED, legal, calendar.workingDaysBetween(legal, completed));
            }
        }
        if (r.committedDeadlineDays() != null) {
            LocalDate committed = calendar.deadline(accepted, r.committedDeadlineDays());
            if (completed.isAfter(committed)) {
                return new Overdue(Overdue.Card.YELLOW, committed, calendar.workingDaysBetween(committed, completed));
            }
        }
        return null;
    }
}

package org.exchangehub.returnflow.store;

import static org.exchangehub.returnflow.jooq.Tables.CASE_FAILURE;
import static org.exchangehub.returnflow.jooq.Tables.CASE_FORWARD;
import static org.exchangehub.returnflow.jooq.Tables.CASE_INTAKE_DAY;
import static org.exchangehub.returnflow.jooq.Tables.CASE_RECORD;
import static org.exchangehub.returnflow.jooq.Tables.CASE_RECORD_VERSION;
import static org.exchangehub.returnflow.jooq.Tables.CASE_RULE_DAY;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.exchangehub.catalog.BureauCalendar;
import org.exchangehub.catalog.JsonColumns;
import org.exchangehub.returnflow.quality.CheckedRecord;
import org.exchangehub.returnflow.quality.Reason;
import org.exchangehub.returnflow.record.CaseRecord;
import org.exchangehub.returnflow.record.VersionKey;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a checked batch of one source in one transaction, exactly once in effect: every passed version once in
 * {@code case_record_version} (unique on source, case number and version), the latest of each case in
 * {@code case_record} (a higher version rank replaces it, a lower one stays in the history), a new latest version
 * in the outbox for the provincial case centre, failures with every reason in {@code case_failure}, and the daily
 * counters. A re-sent version is a duplicate: counted, not stored twice. A passing record resolves its case's open
 * failure.
 */
@Service
public class CaseStore {

    private static final int CHUNK = 2000;

    private final DSLContext db;
    private final JsonColumns json;

    public CaseStore(DSLContext db, JsonColumns json) {
        this.db = db;
        this.json = json;
    }

    private record Passed(int index, CheckedRecord checked, VersionKey version, String recordJson) {
        CaseRecord record() {
            return checked.record();
        }
    }

    @Transactional
    public List<RecordOutcome> store(String sourceId, List<CheckedRecord> batch, OffsetDateTime receivedAt) {
        RecordOutcome[] outcomes = new RecordOutcome[batch.size()];
        List<Passed> passed = new ArrayList<>();
        List<Integer> failed = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            CheckedRecord c = batch.get(i);
            if (c.passed()) {
                String recordJson = json.text(c.record().toMap());
                passed.add(new Passed(i, c, VersionKey.of(c.record(), recordJson, receivedAt), recordJson));
            } else {
                failed.add(i);
            }
        }
        storeFailures(sourceId, batch, failed, receivedAt, outcomes);
        storePassed(sourceId, passed, receivedAt, outcomes);
        count(sourceId, batch, outcomes, receivedAt);
        return List.of(outcomes);
    }

    private void storePassed(String sourceId, List<Passed> passed, OffsetDateTime receivedAt, RecordOutcome[] outcomes) {
        if (passed.isEmpty()) {
            return;
        }
        // 1. every version once: what the insert returns is new, the rest was stored before (or earlier in this batch)
        Set<String> inserted = new java.util.HashSet<>();
        for (int from = 0; from < passed.size(); from += CHUNK) {
            List<Passed> chunk = passed.subList(from, Math.min(passed.size(), from + CHUNK));
            var insert = db.insertInto(CASE_RECORD_VERSION, CASE_RECORD_VERSION.SOURCE_ID, CASE_RECORD_VERSION.CASE_NUMBER,
                    CASE_RECORD_VERSION.VERSION_KEY, CASE_RECORD_VERSION.VERSION_RANK, CASE_RECORD_VERSION.ACCEPTING_DEPARTMENT_CODE,
                    CASE_RECORD_VERSION.COMPLETED_AT, CASE_RECORD_VERSION.RECEIVED_AT, CASE_RECORD_VERSION.RECORD,
                    CASE_RECORD_VERSION.RAW, CASE_RECORD_VERSION.ORIGIN);
            for (Passed p : chunk) {
                insert = insert.values(sourceId, p.record().caseNumber(), p.version().key(), p.version().rank(),
                        p.record().acceptingDepartmentCode(), p.record().completedAt(), receivedAt,
                        org.jooq.JSONB.valueOf(p.recordJson()), p.checked().incoming().raw(), json.write(p.checked().incoming().origin()));
            }
            insert.onConflictOnConstraint(DSL.name("case_record_version_once")).doNothing()
                    .returningResult(CASE_RECORD_VERSION.CASE_NUMBER, CASE_RECORD_VERSION.VERSION_KEY)
                    .fetch().forEach(r -> inserted.add(key(r.value1(), r.value2())));
        }
        List<Passed> fresh = new ArrayList<>();
        for (Passed p : passed) {
            if (inserted.remove(key(p.record().caseNumber(), p.version().key()))) {
                fresh.add(p);
            } else {
                outcomes[p.index()] = outcome(p, Outcome.DUPLICATE, receivedAt);
            }
        }
        // 2. the latest version of each case: the highest rank of this batch, if higher than the stored one
        Map<String, Passed> best = new TreeMap<>();
        for (Passed p : fresh) {
            best.merge(p.record().caseNumber(), p, (a, b) -> b.version().rank() >= a.version().rank() ? b : a);
        }
        Map<String, Boolean> becameLatest = new HashMap<>(); // case number → newly inserted
        List<Passed> candidates = new ArrayList<>(best.values());
        for (int from = 0; from < candidates.size(); from += CHUNK) {
            upsertLatest(sourceId, candidates.subList(from, Math.min(candidates.size(), from + CHUNK)), receivedAt, becameLatest);
        }
        List<Passed> forward = new ArrayList<>();
        for (Passed p : fresh) {
            Boolean isNew = best.get(p.record().caseNumber()) == p ? becameLatest.get(p.record().caseNumber()) : null;
            if (isNew == null) {
                outcomes[p.index()] = outcome(p, Outcome.OLDER_VERSION, receivedAt);
            } else {
                outcomes[p.index()] = outcome(p, isNew ? Outcome.NEW_CASE : Outcome.NEWER_VERSION, receivedAt);
                forward.add(p);
            }
        }
        // 3. the outbox for the provincial case centre, in the same transaction
        for (int from = 0; from < forward.size(); from += CHUNK) {
            var insert = db.insertInto(CASE_FORWARD, CASE_FORWARD.SOURCE_ID, CASE_FORWARD.CASE_NUMBER, CASE_FORWARD.VERSION_KEY,
                    CASE_FORWARD.ACCEPTING_DEPARTMENT_CODE, CASE_FORWARD.PAYLOAD, CASE_FORWARD.CREATED_AT, CASE_FORWARD.NEXT_ATTEMPT_AT);
            for (Passed p : forward.subList(from, Math.min(forward.size(), from + CHUNK))) {
                insert = insert.values(sourceId, p.record().caseNumber(), p.version().key(), p.record().acceptingDepartmentCode(),
                        org.jooq.JSONB.valueOf(p.recordJson()), receivedAt, receivedAt);
            }
            insert.onConflictOnConstraint(DSL.name("case_forward_once")).doNothing().execute();
        }
        // 4. a passing record resolves its case's open failure
        Map<String, String> resolving = new TreeMap<>();
        for (Passed p : passed) {
            resolving.put(p.record().caseNumber(), p.version().key());
        }
        if (db.fetchExists(CASE_FAILURE, CASE_FAILURE.SOURCE_ID.eq(sourceId), CASE_FAILURE.RESOLVED_AT.isNull(),
                CASE_FAILURE.CASE_NUMBER.in(resolving.keySet()))) {
            resolving.forEach((caseNumber, version) -> db.update(CASE_FAILURE)
                    .set(CASE_FAILURE.RESOLVED_AT, receivedAt)
                    .set(CASE_FAILURE.RESOLVED_BY_VERSION, version)
                    .where(CASE_FAILURE.SOURCE_ID.eq(sourceId), CASE_FAILURE.CASE_NUMBER.eq(caseNumber),
                            CASE_FAILURE.RESOLVED_AT.isNull())
                    .execute());
        }
    }

    private void upsertLatest(String sourceId, List<Passed> rows, OffsetDateTime receivedAt, Map<String, Boolean> becameLatest) {
        var insert = db.insertInto(CASE_RECORD, CASE_RECORD.SOURCE_ID, CASE_RECORD.CASE_NUMBER, CASE_RECORD.VERSION_KEY,
                CASE_RECORD.VERSION_RANK, CASE_RECORD.SOURCE_VERSION, CASE_RECORD.SOURCE_UPDATED_AT, CASE_RECORD.SOURCE_SYSTEM,
                CASE_RECORD.ITEM_CODE, CASE_RECORD.ITEM_NAME, CASE_RECORD.APPLICANT_TYPE, CASE_RECORD.APPLICANT_NAME,
                CASE_RECORD.ID_TYPE, CASE_RECORD.ID_NUMBER, CASE_RECORD.ACCEPTING_DEPARTMENT_CODE, CASE_RECORD.REGION_CODE,
                CASE_RECORD.CHANNEL, CASE_RECORD.SUBMITTED_AT, CASE_RECORD.ACCEPTED_AT, CASE_RECORD.DECIDED_AT,
                CASE_RECORD.COMPLETED_AT, CASE_RECORD.DELIVERED_AT, CASE_RECORD.COMMITTED_DEADLINE_DAYS,
                CASE_RECORD.LEGAL_DEADLINE_DAYS, CASE_RECORD.STATUS, CASE_RECORD.RESULT, CASE_RECORD.OVERDUE_CARD,
                CASE_RECORD.OVERDUE_WORKING_DAYS, CASE_RECORD.FIRST_RECEIVED_AT, CASE_RECORD.RECEIVED_AT);
        for (Passed p : rows) {
            CaseRecord r = p.record();
            var overdue = p.checked().overdue();
            insert = insert.values(java.util.Arrays.asList(sourceId, r.caseNumber(), p.version().key(), p.version().rank(),
                    r.version(), r.updatedAt(), r.sourceSystem(), r.itemCode(), r.itemName(), r.applicantType(),
                    r.applicantName(), r.idType(), r.idNumber(), r.acceptingDepartmentCode(), r.regionCode(), r.channel(),
                    r.submittedAt(), r.acceptedAt(), r.decidedAt(), r.completedAt(), r.deliveredAt(),
                    r.committedDeadlineDays(), r.legalDeadlineDays(), r.status(), r.result(),
                    overdue == null ? null : overdue.card().name(), overdue == null ? null : overdue.workingDaysLate(),
                    receivedAt, receivedAt));
        }
        Map<org.jooq.Field<?>, Object> updates = new LinkedHashMap<>();
        updates.put(CASE_RECORD.RECEIVED_AT, receivedAt);
        for (var field : CASE_RECORD.fields()) {
            if (field.equals(CASE_RECORD.SOURCE_ID) || field.equals(CASE_RECORD.CASE_NUMBER)
                    || field.equals(CASE_RECORD.FIRST_RECEIVED_AT) || field.equals(CASE_RECORD.RECEIVED_AT)) {
                continue;
            }
            updates.put(field, DSL.field(DSL.name("excluded", field.getName()), field.getDataType()));
        }
        var update = insert.onConflict(CASE_RECORD.SOURCE_ID, CASE_RECORD.CASE_NUMBER).doUpdate().set(updates);
        update.where(CASE_RECORD.VERSION_RANK.lt(DSL.field(DSL.name("excluded", CASE_RECORD.VERSION_RANK.getName()), SQLDataType.BIGINT)))
                .returningResult(CASE_RECORD.CASE_NUMBER, DSL.field("(xmax = 0)", SQLDataType.BOOLEAN))
                .fetch().forEach(r -> becameLatest.put(r.value1(), Boolean.TRUE.equals(r.value2())));
    }

    private void storeFailures(String sourceId, List<CheckedRecord> batch, List<Integer> failed, OffsetDateTime receivedAt,
                               RecordOutcome[] outcomes) {
        if (failed.isEmpty()) {
            return;
        }
        // one open failure per case: a case failing twice in a batch keeps its last record, with both attempts counted
        Map<String, Integer> lastOfCase = new TreeMap<>();
        Map<String, Integer> attempts = new HashMap<>();
        List<Integer> withoutCase = new ArrayList<>();
        for (int i : failed) {
            String caseNumber = batch.get(i).caseNumber();
            if (caseNumber == null) {
                withoutCase.add(i);
            } else {
                lastOfCase.put(caseNumber, i);
                attempts.merge(caseNumber, 1, Integer::sum);
            }
        }
        Map<String, Long> idOfCase = new HashMap<>();
        List<Integer> keyed = new ArrayList<>(lastOfCase.values());
        for (int from = 0; from < keyed.size(); from += CHUNK) {
            var insert = failureInsert();
            for (int i : keyed.subList(from, Math.min(keyed.size(), from + CHUNK))) {
                CheckedRecord c = batch.get(i);
                insert = insert.values(sourceId, c.caseNumber(), c.record().acceptingDepartmentCode(), c.incoming().raw(),
                        json.write(c.reasons()), json.write(jsonReady(c.mapped())), json.write(c.incoming().origin()),
                        attempts.get(c.caseNumber()), receivedAt, receivedAt);
            }
            insert.onConflict(CASE_FAILURE.SOURCE_ID, CASE_FAILURE.CASE_NUMBER)
                    .where(CASE_FAILURE.RESOLVED_AT.isNull().and(CASE_FAILURE.CASE_NUMBER.isNotNull()))
                    .doUpdate()
                    .set(CASE_FAILURE.RAW, DSL.field(DSL.name("excluded", "raw"), SQLDataType.CLOB))
                    .set(CASE_FAILURE.REASONS, DSL.field(DSL.name("excluded", "reasons"), CASE_FAILURE.REASONS.getDataType()))
                    .set(CASE_FAILURE.MAPPED, DSL.field(DSL.name("excluded", "mapped"), CASE_FAILURE.MAPPED.getDataType()))
                    .set(CASE_FAILURE.ORIGIN, DSL.field(DSL.name("excluded", "origin"), CASE_FAILURE.ORIGIN.getDataType()))
                    .set(CASE_FAILURE.ACCEPTING_DEPARTMENT_CODE, DSL.field(DSL.name("excluded", "accepting_department_code"), SQLDataType.CLOB))
                    .set(CASE_FAILURE.ATTEMPTS, CASE_FAILURE.ATTEMPTS.plus(DSL.field(DSL.name("excluded", "attempts"), SQLDataType.INTEGER)))
                    .set(CASE_FAILURE.RECEIVED_AT, receivedAt)
                    .returningResult(CASE_FAILURE.ID, CASE_FAILURE.CASE_NUMBER)
                    .fetch().forEach(r -> idOfCase.put(r.value2(), r.value1()));
        }
        Map<Integer, Long> idOfIndex = new HashMap<>();
        if (!withoutCase.isEmpty()) {
            var insert = failureInsert();
            for (int i : withoutCase) {
                CheckedRecord c = batch.get(i);
                insert = insert.values(sourceId, null, c.record() == null ? null : c.record().acceptingDepartmentCode(),
                        c.incoming().raw(), json.write(c.reasons()), json.write(jsonReady(c.mapped())),
                        json.write(c.incoming().origin()), 1, receivedAt, receivedAt);
            }
            var ids = insert.returningResult(CASE_FAILURE.ID).fetch();
            for (int k = 0; k < withoutCase.size(); k++) {
                idOfIndex.put(withoutCase.get(k), ids.get(k).value1());
            }
        }
        for (int i : failed) {
            CheckedRecord c = batch.get(i);
            Long id = c.caseNumber() == null ? idOfIndex.get(i) : idOfCase.get(c.caseNumber());
            outcomes[i] = new RecordOutcome(i, c.caseNumber(), c.record() == null ? null : c.record().acceptingDepartmentCode(),
                    Outcome.FAILED, null, id, c.reasons(), null, null);
        }
    }

    private org.jooq.InsertValuesStep10<org.exchangehub.returnflow.jooq.tables.records.CaseFailureRecord, String, String, String,
            String, org.jooq.JSONB, org.jooq.JSONB, org.jooq.JSONB, Integer, OffsetDateTime, OffsetDateTime> failureInsert() {
        return db.insertInto(CASE_FAILURE, CASE_FAILURE.SOURCE_ID, CASE_FAILURE.CASE_NUMBER, CASE_FAILURE.ACCEPTING_DEPARTMENT_CODE,
                CASE_FAILURE.RAW, CASE_FAILURE.REASONS, CASE_FAILURE.MAPPED, CASE_FAILURE.ORIGIN, CASE_FAILURE.ATTEMPTS,
                CASE_FAILURE.FIRST_RECEIVED_AT, CASE_FAILURE.RECEIVED_AT);
    }

    /** Mapped values for a jsonb column: date-times as ISO text. */
    private static Map<String, Object> jsonReady(Map<String, Object> mapped) {
        Map<String, Object> m = new LinkedHashMap<>();
        mapped.forEach((k, v) -> m.put(k, v instanceof java.time.temporal.TemporalAccessor ? v.toString() : v));
        return m;
    }

    private static RecordOutcome outcome(Passed p, Outcome outcome, OffsetDateTime receivedAt) {
        CaseRecord r = p.record();
        Duration delay = r.completedAt() == null ? null : Duration.between(r.completedAt(), receivedAt);
        return new RecordOutcome(p.index(), r.caseNumber(), r.acceptingDepartmentCode(), outcome, p.version().key(), null,
                List.of(), outcome.stored() ? p.checked().overdue() : null, delay);
    }

    private static String key(String caseNumber, String versionKey) {
        return caseNumber + '\u0000' + versionKey;
    }

    private void count(String sourceId, List<CheckedRecord> batch, RecordOutcome[] outcomes, OffsetDateTime receivedAt) {
        LocalDate day = receivedAt.atZoneSameInstant(BureauCalendar.ZONE).toLocalDate();
        Map<String, long[]> byDepartment = new TreeMap<>(); // received, passed, failed, duplicates, older, overdue
        Map<String, Long> byRule = new TreeMap<>();
        for (RecordOutcome o : outcomes) {
            long[] c = byDepartment.computeIfAbsent(o.departmentCode() == null ? "" : o.departmentCode(), d -> new long[6]);
            c[0]++;
            switch (o.outcome()) {
                case NEW_CASE, NEWER_VERSION, OLDER_VERSION -> c[1]++;
                case FAILED -> c[2]++;
                case DUPLICATE -> c[3]++;
            }
            if (o.outcome() == Outcome.OLDER_VERSION) {
                c[4]++;
            }
            if (o.overdue() != null) {
                c[5]++;
            }
            if (o.outcome() == Outcome.FAILED) {
                Set<String> rules = new LinkedHashSet<>();
                for (Reason r : o.reasons()) {
                    rules.add(r.rule());
                }
                rules.forEach(rule -> byRule.merge(rule, 1L, Long::sum));
            }
        }
        var insert = db.insertInto(CASE_INTAKE_DAY, CASE_INTAKE_DAY.SOURCE_ID, CASE_INTAKE_DAY.DEPARTMENT_CODE, CASE_INTAKE_DAY.DAY,
                CASE_INTAKE_DAY.RECEIVED, CASE_INTAKE_DAY.PASSED, CASE_INTAKE_DAY.FAILED, CASE_INTAKE_DAY.DUPLICATES,
                CASE_INTAKE_DAY.OLDER_VERSIONS, CASE_INTAKE_DAY.OVERDUE);
        for (var e : byDepartment.entrySet()) {
            long[] c = e.getValue();
            insert = insert.values(sourceId, e.getKey(), day, c[0], c[1], c[2], c[3], c[4], c[5]);
        }
        insert.onConflict(CASE_INTAKE_DAY.SOURCE_ID, CASE_INTAKE_DAY.DAY, CASE_INTAKE_DAY.DEPARTMENT_CODE).doUpdate()
                .set(CASE_INTAKE_DAY.RECEIVED, CASE_INTAKE_DAY.RECEIVED.plus(excludedLong("received")))
                .set(CASE_INTAKE_DAY.PASSED, CASE_INTAKE_DAY.PASSED.plus(excludedLong("passed")))
                .set(CASE_INTAKE_DAY.FAILED, CASE_INTAKE_DAY.FAILED.plus(excludedLong("failed")))
                .set(CASE_INTAKE_DAY.DUPLICATES, CASE_INTAKE_DAY.DUPLICATES.plus(excludedLong("duplicates")))
                .set(CASE_INTAKE_DAY.OLDER_VERSIONS, CASE_INTAKE_DAY.OLDER_VERSIONS.plus(excludedLong("older_versions")))
                .set(CASE_INTAKE_DAY.OVERDUE, CASE_INTAKE_DAY.OVERDUE.plus(excludedLong("overdue")))
                .execute();
        if (!byRule.isEmpty()) {
            var rules = db.insertInto(CASE_RULE_DAY, CASE_RULE_DAY.SOURCE_ID, CASE_RULE_DAY.DAY, CASE_RULE_DAY.RULE_CODE,
                    CASE_RULE_DAY.FAILURES);
            for (var e : byRule.entrySet()) {
                rules = rules.values(sourceId, day, e.getKey(), e.getValue());
            }
            rules.onConflict(CASE_RULE_DAY.SOURCE_ID, CASE_RULE_DAY.DAY, CASE_RULE_DAY.RULE_CODE).doUpdate()
                    .set(CASE_RULE_DAY.FAILURES, CASE_RULE_DAY.FAILURES.plus(excludedLong("failures")))
                    .execute();
        }
    }

    private static org.jooq.Field<Long> excludedLong(String column) {
        return DSL.field(DSL.name("excluded", column), SQLDataType.BIGINT);
    }
}

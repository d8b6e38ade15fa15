package org.exchangehub.returnflow.store;

import static org.exchangehub.returnflow.jooq.Tables.CASE_FAILURE;
import static org.exchangehub.returnflow.jooq.Tables.CASE_RECORD;
import static org.exchangehub.returnflow.jooq.Tables.CASE_RECORD_VERSION;
import static org.exchangehub.returnflow.jooq.Tables.CASE_RULE_DAY;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.exchangehub.catalog.BureauCalendar;
import org.exchangehub.catalog.JsonColumns;
import org.exchangehub.catalog.PageResult;
import org.exchangehub.catalog.RegistryException;
import org.exchangehub.returnflow.jooq.tables.records.CaseFailureRecord;
import org.exchangehub.returnflow.quality.Reason;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading what was stored: a source's failures, one case with its versions. */
@Service
public class CaseQueries {

    private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() { };

    private final DSLContext db;
    private final JsonColumns json;

    public CaseQueries(DSLContext db, JsonColumns json) {
        this.db = db;
        this.json = json;
    }

    /** A failed record: what was received, every reason, and whether a later record resolved it. */
    public record Failure(long id, String sourceId, String caseNumber, String departmentCode, List<Reason> reasons, String raw,
                          Map<String, Object> mapped, Map<String, Object> origin, int attempts, OffsetDateTime firstReceivedAt,
                          OffsetDateTime receivedAt, OffsetDateTime resolvedAt, String resolvedByVersion) {
    }

    /**
     * A source's failures, newest first.
     *
     * @param open   true: unresolved only; false: resolved only; null: all
     * @param rule   only failures with this rule code, or null
     */
    @Transactional(readOnly = true)
    public PageResult<Failure> failures(String sourceId, Boolean open, String rule, int page, int size) {
        return failures(sourceId, open, rule, null, FailureOrder.RECEIVED_AT, false, page, size);
    }

    /** The columns a list of failures can be sorted by; ties go newest first. */
    public enum FailureOrder {
        RECEIVED_AT, FIRST_RECEIVED_AT, CASE_NUMBER, ATTEMPTS, ID
    }

    /**
     * A source's failures, filtered, sorted and paged in the query (a source can fail without bound).
     *
     * @param open      true: unresolved only; false: resolved only; null: all
     * @param rule      only failures with this rule code, or null
     * @param day       only failures last received on this day (Asia/Shanghai), or null
     * @param ascending the direction of {@code order}
     */
    @Transactional(readOnly = true)
    public PageResult<Failure> failures(String sourceId, Boolean open, String rule, LocalDate day, FailureOrder order,
                                        boolean ascending, int page, int size) {
        Condition where = CASE_FAILURE.SOURCE_ID.eq(sourceId);
        if (open != null) {
            where = where.and(open ? CASE_FAILURE.RESOLVED_AT.isNull() : CASE_FAILURE.RESOLVED_AT.isNotNull());
        }
        if (rule != null && !rule.isBlank()) {
            where = where.and(withRule(rule));
        }
        if (day != null) {
            where = where.and(receivedOn(day));
        }
        var column = switch (order == null ? FailureOrder.RECEIVED_AT : order) {
            case RECEIVED_AT -> CASE_FAILURE.RECEIVED_AT;
            case FIRST_RECEIVED_AT -> CASE_FAILURE.FIRST_RECEIVED_AT;
            case CASE_NUMBER -> CASE_FAILURE.CASE_NUMBER;
            case ATTEMPTS -> CASE_FAILURE.ATTEMPTS;
            case ID -> CASE_FAILURE.ID;
        };
        SortField<?> first = ascending ? column.asc().nullsFirst() : column.desc().nullsLast();
        long total = db.fetchCount(CASE_FAILURE, where);
        List<Failure> items = db.selectFrom(CASE_FAILURE).where(where)
                .orderBy(first, CASE_FAILURE.RECEIVED_AT.desc(), CASE_FAILURE.ID.desc())
                .limit(size).offset((long) page * size)
                .fetch(this::failure);
        return new PageResult<>(items, page, size, total);
    }

    private Condition withRule(String rule) {
        return DSL.condition("{0} @> {1}::jsonb", CASE_FAILURE.REASONS, DSL.val("[{\"rule\":" + json.text(rule) + "}]"));
    }

    private static Condition receivedOn(LocalDate day) {
        return CASE_FAILURE.RECEIVED_AT.ge(day.atStartOfDay(BureauCalendar.ZONE).toOffsetDateTime())
                .and(CASE_FAILURE.RECEIVED_AT.lt(day.plusDays(1).atStartOfDay(BureauCalendar.ZONE).toOffsetDateTime()));
    }

    /** A failed record named as an example of a rule. */
    public record Example(long id, String caseNumber, OffsetDateTime receivedAt, boolean open) {
    }

    /** A rule that failed records of a source on a day: how often (one record failing two rules counts under each), and a few of them. */
    public record FailingRule(String rule, long failures, List<Example> examples) {
    }

    /**
     * The rules a source's records failed on a day, most failures first, each with up to {@code examples} of the
     * failed records last received that day (newest first). Counts are the day's counters: a record sent again still
     * failing counts again, while the examples show each record once.
     */
    @Transactional(readOnly = true)
    public List<FailingRule> failingRules(String sourceId, LocalDate day, int examples) {
        return db.select(CASE_RULE_DAY.RULE_CODE, CASE_RULE_DAY.FAILURES).from(CASE_RULE_DAY)
                .where(CASE_RULE_DAY.SOURCE_ID.eq(sourceId), CASE_RULE_DAY.DAY.eq(day), CASE_RULE_DAY.FAILURES.gt(0L))
                .orderBy(CASE_RULE_DAY.FAILURES.desc(), CASE_RULE_DAY.RULE_CODE)
                .fetch(r -> new FailingRule(r.value1(), r.value2(), examples <= 0 ? List.of()
                        : db.select(CASE_FAILURE.ID, CASE_FAILURE.CASE_NUMBER, CASE_FAILURE.RECEIVED_AT, CASE_FAILURE.RESOLVED_AT)
                                .from(CASE_FAILURE)
                                .where(CASE_FAILURE.SOURCE_ID.eq(sourceId), receivedOn(day), withRule(r.value1()))
                                .orderBy(CASE_FAILURE.RECEIVED_AT.desc(), CASE_FAILURE.ID.desc()).limit(examples)
                                .fetch(e -> new Example(e.value1(), e.value2(), e.value3(), e.value4() == null))));
    }

    @Transactional(readOnly = true)
    public Failure failure(String sourceId, long id) {
        return db.selectFrom(CASE_FAILURE).where(CASE_FAILURE.SOURCE_ID.eq(sourceId), CASE_FAILURE.ID.eq(id))
                .fetchOptional(this::failure)
                .orElseThrow(() -> RegistryException.notFound("failure of source " + sourceId, String.valueOf(id)));
    }

    private Failure failure(CaseFailureRecord r) {
        return new Failure(r.getId(), r.getSourceId(), r.getCaseNumber(), r.getAcceptingDepartmentCode(),
                json.read(r.getReasons(), REASONS), r.getRaw(), r.getMapped() == null ? null : json.map(r.getMapped()),
                r.getOrigin() == null ? null : json.map(r.getOrigin()), r.getAttempts(), r.getFirstReceivedAt(),
                r.getReceivedAt(), r.getResolvedAt(), r.getResolvedByVersion());
    }

    /** One stored version of a case. */
    public record Version(String versionKey, long versionRank, OffsetDateTime receivedAt, Map<String, Object> record,
                          boolean latest) {
    }

    /** A case: its latest version, supervision flag, and every version received, oldest first. */
    public record CaseView(String sourceId, String caseNumber, Map<String, Object> latest, String overdueCard,
                           Integer overdueWorkingDays, OffsetDateTime firstReceivedAt, OffsetDateTime receivedAt,
                           List<Version> versions, List<Failure> failures) {
    }

    @Transactional(readOnly = true)
    public CaseView caseView(String sourceId, String caseNumber) {
        var latest = db.selectFrom(CASE_RECORD)
                .where(CASE_RECORD.SOURCE_ID.eq(sourceId), CASE_RECORD.CASE_NUMBER.eq(caseNumber)).fetchOne();
        List<Failure> failures = db.selectFrom(CASE_FAILURE)
                .where(CASE_FAILURE.SOURCE_ID.eq(sourceId), CASE_FAILURE.CASE_NUMBER.eq(caseNumber))
                .orderBy(CASE_FAILURE.ID).fetch(this::failure);
        if (latest == null && failures.isEmpty()) {
            throw RegistryException.notFound("case of source " + sourceId, caseNumber);
        }
        String latestKey = latest == null ? null : latest.getVersionKey();
        List<Version> versions = db.selectFrom(CASE_RECORD_VERSION)
                .where(CASE_RECORD_VERSION.SOURCE_ID.eq(sourceId), CASE_RECORD_VERSION.CASE_NUMBER.eq(caseNumber))
                .orderBy(CASE_RECORD_VERSION.VERSION_RANK, CASE_RECORD_VERSION.ID)
                .fetch(v -> new Version(v.getVersionKey(), v.getVersionRank(), v.getReceivedAt(), json.map(v.getRecord()),
                        v.getVersionKey().equals(latestKey)));
        Map<String, Object> latestRecord = versions.stream().filter(Version::latest).map(Version::record).findFirst().orElse(null);
        return new CaseView(sourceId, caseNumber, latestRecord, latest == null ? null : latest.getOverdueCard(),
                latest == null ? null : latest.getOverdueWorkingDays(), latest == null ? null : latest.getFirstReceivedAt(),
                latest == null ? null : latest.getReceivedAt(), versions, failures);
    }

    /** How many versions of each case number are stored, for checks that nothing was stored twice. */
    @Transactional(readOnly = true)
    public Map<String, Integer> versionCounts(String sourceId) {
        return db.select(CASE_RECORD_VERSION.CASE_NUMBER, DSL.count())
                .from(CASE_RECORD_VERSION).where(CASE_RECORD_VERSION.SOURCE_ID.eq(sourceId))
                .groupBy(CASE_RECORD_VERSION.CASE_NUMBER)
                .fetchMap(r -> r.value1(), r -> r.value2());
    }
}

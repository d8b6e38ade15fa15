package org.exchangehub.returnflow.completeness;

import static org.exchangehub.returnflow.jooq.Tables.CASE_FAILURE;
import static org.exchangehub.returnflow.jooq.Tables.CASE_FORWARD;
import static org.exchangehub.returnflow.jooq.Tables.CASE_INTAKE_DAY;
import static org.exchangehub.returnflow.jooq.Tables.CASE_MANIFEST;
import static org.exchangehub.returnflow.jooq.Tables.CASE_MANIFEST_ENTRY;
import static org.exchangehub.returnflow.jooq.Tables.CASE_RECORD;
import static org.exchangehub.returnflow.jooq.Tables.CASE_RECORD_VERSION;
import static org.exchangehub.returnflow.jooq.Tables.CASE_RULE_DAY;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.sum;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.exchangehub.catalog.BureauCalendar;
import org.exchangehub.catalog.item.ServiceItem;
import org.exchangehub.catalog.item.ServiceItemCategory;
import org.exchangehub.catalog.item.ServiceItemService;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin's view of the return flow: per source, department and day what arrived, passed, failed (by rule), was
 * forwarded or waits, duplicates, and the delay from completion to arrival (p50/p95); reconciliation against the
 * sources' manifests (missing and unexpected case numbers); per month the share of service items with a case
 * (指标36–38); overdue cases (指标3). Days are Asia/Shanghai days.
 */
@Service
public class CompletenessReports {

    private static final int LISTED_CASES = 100;

    private final DSLContext db;
    private final ServiceItemService items;

    public CompletenessReports(DSLContext db, ServiceItemService items) {
        this.db = db;
        this.items = items;
    }

    private static Field<LocalDate> day(Field<OffsetDateTime> at) {
        return DSL.field("({0} at time zone 'Asia/Shanghai')::date", SQLDataType.LOCALDATE, at);
    }

    private static OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay(BureauCalendar.ZONE).toOffsetDateTime();
    }

    /** One source, department and day. Delays in seconds, null without completed cases. */
    public record DepartmentDay(LocalDate day, String sourceId, String departmentCode, long received, long passed, long failed,
                                long duplicates, long olderVersions, long overdue, long forwarded, long forwardPending,
                                Double delayP50Seconds, Double delayP95Seconds) {
    }

    /** One source and day: failures by rule and the reconciliation with its manifest. */
    public record SourceDay(LocalDate day, String sourceId, long received, long passed, long failed, long duplicates,
                            Map<String, Long> failedByRule, Reconciliation reconciliation) {
    }

    public record Statistics(LocalDate from, LocalDate to, List<SourceDay> sources, List<DepartmentDay> departments) {
    }

    @Transactional(readOnly = true)
    public Statistics statistics(LocalDate from, LocalDate to, String sourceId) {
        Condition intake = CASE_INTAKE_DAY.DAY.between(from, to);
        Condition rules = CASE_RULE_DAY.DAY.between(from, to);
        Condition versions = CASE_RECORD_VERSION.RECEIVED_AT.ge(start(from)).and(CASE_RECORD_VERSION.RECEIVED_AT.lt(start(to.plusDays(1))));
        Condition forwards = CASE_FORWARD.CREATED_AT.ge(start(from)).and(CASE_FORWARD.CREATED_AT.lt(start(to.plusDays(1))));
        if (sourceId != null) {
            intake = intake.and(CASE_INTAKE_DAY.SOURCE_ID.eq(sourceId));
            rules = rules.and(CASE_RULE_DAY.SOURCE_ID.eq(sourceId));
            versions = versions.and(CASE_RECORD_VERSION.SOURCE_ID.eq(sourceId));
            forwards = forwards.and(CASE_FORWARD.SOURCE_ID.eq(sourceId));
        }
        record Key(LocalDate day, String source, String department) {
        }
        Map<Key, long[]> forwardCounts = new HashMap<>();
        Field<LocalDate> forwardDay = day(CASE_FORWARD.CREATED_AT);
        Field<String> forwardDept = DSL.coalesce(CASE_FORWARD.ACCEPTING_DEPARTMENT_CODE, DSL.inline(""));
        db.select(forwardDay, CASE_FORWARD.SOURCE_ID, forwardDept, count().filterWhere(CASE_FORWARD.FORWARDED_AT.isNotNull()),
                        count().filterWhere(CASE_FORWARD.FORWARDED_AT.isNull()))
                .from(CASE_FORWARD).where(forwards).groupBy(forwardDay, CASE_FORWARD.SOURCE_ID, forwardDept)
                .forEach(r -> forwardCounts.put(new Key(r.value1(), r.value2(), r.value3()), new long[] {r.value4(), r.value5()}));
        Map<Key, Double[]> delays = new HashMap<>();
        Field<LocalDate> versionDay = day(CASE_RECORD_VERSION.RECEIVED_AT);
        Field<String> versionDept = DSL.coalesce(CASE_RECORD_VERSION.ACCEPTING_DEPARTMENT_CODE, DSL.inline(""));
        Field<Double> seconds = DSL.field("extract(epoch from ({0} - {1}))::float8", SQLDataType.DOUBLE,
                CASE_RECORD_VERSION.RECEIVED_AT, CASE_RECORD_VERSION.COMPLETED_AT);
        db.select(versionDay, CASE_RECORD_VERSION.SOURCE_ID, versionDept,
                        DSL.percentileCont(0.5).withinGroupOrderBy(seconds), DSL.percentileCont(0.95).withinGroupOrderBy(seconds))
                .from(CASE_RECORD_VERSION).where(versions).and(CASE_RECORD_VERSION.COMPLETED_AT.isNotNull())
                .groupBy(versionDay, CASE_RECORD_VERSION.SOURCE_ID, versionDept)
                .forEach(r -> delays.put(new Key(r.value1(), r.value2(), r.value3()), new Double[] {
                        r.value4() == null ? null : r.value4().doubleValue(), r.value5() == null ? null : r.value5().doubleValue()}));
        List<DepartmentDay> departments = db.selectFrom(CASE_INTAKE_DAY).where(intake)
                .orderBy(CASE_INTAKE_DAY.DAY, CASE_INTAKE_DAY.SOURCE_ID, CASE_INTAKE_DAY.DEPARTMENT_CODE)
                .fetch(r -> {
                    Key k = new Key(r.getDay(), r.getSourceId(), r.getDepartmentCode());
                    long[] f = forwardCounts.getOrDefault(k, new long[2]);
                    Double[] d = delays.getOrDefault(k, new Double[2]);
                    return new DepartmentDay(r.getDay(), r.getSourceId(), r.getDepartmentCode(), r.getReceived(), r.getPassed(),
                            r.getFailed(), r.getDuplicates(), r.getOlderVersions(), r.getOverdue(), f[0], f[1], d[0], d[1]);
                });
        Map<Key, Map<String, Long>> byRule = new HashMap<>();
        db.selectFrom(CASE_RULE_DAY).where(rules).orderBy(CASE_RULE_DAY.RULE_CODE).forEach(r ->
                byRule.computeIfAbsent(new Key(r.getDay(), r.getSourceId(), null), k -> new TreeMap<>())
                        .put(r.getRuleCode(), r.getFailures()));
        Map<Key, long[]> perSource = new TreeMap<>((a, b) -> a.day().equals(b.day()) ? a.source().compareTo(b.source()) : a.day().compareTo(b.day()));
        for (DepartmentDay d : departments) {
            long[] c = perSource.computeIfAbsent(new Key(d.day(), d.sourceId(), null), k -> new long[4]);
            c[0] += d.received();
            c[1] += d.passed();
            c[2] += d.failed();
            c[3] += d.duplicates();
        }
        // days with a manifest but nothing received still show, with everything missing
        Condition manifests = CASE_MANIFEST.DAY.between(from, to);
        if (sourceId != null) {
            manifests = manifests.and(CASE_MANIFEST.SOURCE_ID.eq(sourceId));
        }
        db.select(CASE_MANIFEST.DAY, CASE_MANIFEST.SOURCE_ID).from(CASE_MANIFEST).where(manifests)
                .forEach(r -> perSource.computeIfAbsent(new Key(r.value1(), r.value2(), null), k -> new long[4]));
        List<SourceDay> sources = new ArrayList<>();
        perSource.forEach((k, c) -> sources.add(new SourceDay(k.day(), k.source(), c[0], c[1], c[2], c[3],
                byRule.getOrDefault(k, Map.of()), reconcile(k.source(), k.day()))));
        return new Statistics(from, to, sources, departments);
    }

    /** One source's counters of one day. */
    public record DailyCounts(LocalDate day, String sourceId, long received, long passed, long failed, long duplicates) {
    }

    /**
     * The daily counters of the given sources, summed over departments, by day and source; days without any arrival
     * are absent (a chart shows them as zero).
     */
    @Transactional(readOnly = true)
    public List<DailyCounts> dailyCounts(LocalDate from, LocalDate to, Collection<String> sourceIds) {
        if (sourceIds.isEmpty()) {
            return List.of();
        }
        return db.select(CASE_INTAKE_DAY.DAY, CASE_INTAKE_DAY.SOURCE_ID, sum(CASE_INTAKE_DAY.RECEIVED), sum(CASE_INTAKE_DAY.PASSED),
                        sum(CASE_INTAKE_DAY.FAILED), sum(CASE_INTAKE_DAY.DUPLICATES))
                .from(CASE_INTAKE_DAY)
                .where(CASE_INTAKE_DAY.DAY.between(from, to), CASE_INTAKE_DAY.SOURCE_ID.in(sourceIds))
                .groupBy(CASE_INTAKE_DAY.DAY, CASE_INTAKE_DAY.SOURCE_ID)
                .orderBy(CASE_INTAKE_DAY.DAY, CASE_INTAKE_DAY.SOURCE_ID)
                .fetch(r -> new DailyCounts(r.value1(), r.value2(), r.value3().longValue(), r.value4().longValue(),
                        r.value5().longValue(), r.value6().longValue()));
    }

    /** The upper bounds (seconds) of the delay histogram's buckets; the last bucket is open-ended. */
    public static final List<Long> DELAY_BOUNDS = List.of(3_600L, 6 * 3_600L, 86_400L, 3 * 86_400L, 7 * 86_400L, 30 * 86_400L);

    /**
     * How long completed cases took from completion to arrival at the hub.
     *
     * @param cases     passed versions with a completion time received in the period
     * @param buckets   cases per bucket: below {@link #DELAY_BOUNDS}[0], then between consecutive bounds, the last one
     *                  at or above the last bound; {@code DELAY_BOUNDS.size() + 1} counts
     */
    public record DelayDistribution(LocalDate from, LocalDate to, long cases, Double p50Seconds, Double p95Seconds,
                                    List<Long> buckets) {
    }

    @Transactional(readOnly = true)
    public DelayDistribution delays(LocalDate from, LocalDate to, Collection<String> sourceIds) {
        if (sourceIds.isEmpty()) {
            return new DelayDistribution(from, to, 0, null, null, java.util.Collections.nCopies(DELAY_BOUNDS.size() + 1, 0L));
        }
        Field<Double> seconds = DSL.field("extract(epoch from ({0} - {1}))::float8", SQLDataType.DOUBLE,
                CASE_RECORD_VERSION.RECEIVED_AT, CASE_RECORD_VERSION.COMPLETED_AT);
        List<Field<?>> fields = new ArrayList<>();
        fields.add(count());
        fields.add(DSL.percentileCont(0.5).withinGroupOrderBy(seconds));
        fields.add(DSL.percentileCont(0.95).withinGroupOrderBy(seconds));
        long lower = Long.MIN_VALUE;
        for (long bound : DELAY_BOUNDS) {
            Condition in = seconds.lt((double) bound);
            fields.add(count().filterWhere(lower == Long.MIN_VALUE ? in : in.and(seconds.ge((double) lower))));
            lower = bound;
        }
        fields.add(count().filterWhere(seconds.ge((double) lower)));
        var r = db.select(fields).from(CASE_RECORD_VERSION)
                .where(CASE_RECORD_VERSION.RECEIVED_AT.ge(start(from)), CASE_RECORD_VERSION.RECEIVED_AT.lt(start(to.plusDays(1))),
                        CASE_RECORD_VERSION.SOURCE_ID.in(sourceIds), CASE_RECORD_VERSION.COMPLETED_AT.isNotNull())
                .fetchOne();
        List<Long> buckets = new ArrayList<>();
        for (int i = 3; i < fields.size(); i++) {
            buckets.add(((Number) r.get(i)).longValue());
        }
        Number p50 = (Number) r.get(1);
        Number p95 = (Number) r.get(2);
        return new DelayDistribution(from, to, ((Number) r.get(0)).longValue(), p50 == null ? null : p50.doubleValue(),
                p95 == null ? null : p95.doubleValue(), List.copyOf(buckets));
    }

    /**
     * A source's day against its manifest.
     *
     * @param manifest        whether the source declared this day at all
     * @param listed          whether it declared case numbers (else only a count)
     * @param declared        how many it declared
     * @param arrived         distinct case numbers that arrived that day (passed or failed)
     * @param missingCount    declared but never arrived (for a count: declared minus arrived, at least 0)
     * @param unexpectedCount arrived that day but not declared (listed manifests only)
     * @param missing         the missing case numbers (at most 100)
     * @param unexpected      the unexpected case numbers (at most 100)
     */
    public record Reconciliation(boolean manifest, boolean listed, long declared, long arrived, long missingCount,
                                 long unexpectedCount, List<String> missing, List<String> unexpected) {
    }

    @Transactional(readOnly = true)
    public Reconciliation reconcile(String sourceId, LocalDate day) {
        var arrivedThatDay = DSL.select(CASE_RECORD_VERSION.CASE_NUMBER.as("case_number")).from(CASE_RECORD_VERSION)
                .where(CASE_RECORD_VERSION.SOURCE_ID.eq(sourceId), CASE_RECORD_VERSION.RECEIVED_AT.ge(start(day)),
                        CASE_RECORD_VERSION.RECEIVED_AT.lt(start(day.plusDays(1))))
                .union(DSL.select(CASE_FAILURE.CASE_NUMBER).from(CASE_FAILURE)
                        .where(CASE_FAILURE.SOURCE_ID.eq(sourceId), CASE_FAILURE.CASE_NUMBER.isNotNull(),
                                CASE_FAILURE.RECEIVED_AT.ge(start(day)), CASE_FAILURE.RECEIVED_AT.lt(start(day.plusDays(1)))));
        var arrived = arrivedThatDay.asTable("arrived");
        Field<String> arrivedCase = arrived.field("case_number", String.class);
        long arrivedCount = db.fetchCount(arrived);
        var manifest = db.selectFrom(CASE_MANIFEST).where(CASE_MANIFEST.SOURCE_ID.eq(sourceId), CASE_MANIFEST.DAY.eq(day)).fetchOne();
        if (manifest == null) {
            return new Reconciliation(false, false, 0, arrivedCount, 0, 0, List.of(), List.of());
        }
        if (!manifest.getListed()) {
            return new Reconciliation(true, false, manifest.getDeclaredCount(), arrivedCount,
                    Math.max(0, manifest.getDeclaredCount() - arrivedCount), 0, List.of(), List.of());
        }
        Condition neverArrived = DSL.notExists(DSL.selectOne().from(CASE_RECORD).where(CASE_RECORD.SOURCE_ID.eq(sourceId),
                        CASE_RECORD.CASE_NUMBER.eq(CASE_MANIFEST_ENTRY.CASE_NUMBER)))
                .and(DSL.notExists(DSL.selectOne().from(CASE_FAILURE).where(CASE_FAILURE.SOURCE_ID.eq(sourceId),
                        CASE_FAILURE.CASE_NUMBER.eq(CASE_MANIFEST_ENTRY.CASE_NUMBER))));
        Condition inManifest = CASE_MANIFEST_ENTRY.MANIFEST_ID.eq(manifest.getId());
        long missingCount = db.fetchCount(CASE_MANIFEST_ENTRY, inManifest.and(neverArrived));
        List<String> missing = db.select(CASE_MANIFEST_ENTRY.CASE_NUMBER).from(CASE_MANIFEST_ENTRY).where(inManifest).and(neverArrived)
                .orderBy(CASE_MANIFEST_ENTRY.CASE_NUMBER).limit(LISTED_CASES).fetch(CASE_MANIFEST_ENTRY.CASE_NUMBER);
        Condition notDeclared = DSL.notExists(DSL.selectOne().from(CASE_MANIFEST_ENTRY)
                .where(CASE_MANIFEST_ENTRY.MANIFEST_ID.eq(manifest.getId()), CASE_MANIFEST_ENTRY.CASE_NUMBER.eq(arrivedCase)));
        long unexpectedCount = db.fetchCount(DSL.selectFrom(arrived).where(notDeclared));
        List<String> unexpected = db.select(arrivedCase).from(arrived).where(notDeclared).orderBy(arrivedCase)
                .limit(LISTED_CASES).fetch(arrivedCase);
        return new Reconciliation(true, true, manifest.getDeclaredCount(), arrivedCount, missingCount, unexpectedCount,
                missing, unexpected);
    }

    /** One category of service items in a month: how many items, how many had at least one case (指标36–38, ≥ 70%). */
    public record CategoryAssociation(ServiceItemCategory category, long items, long itemsWithCase, double share,
                                      boolean meetsTarget, List<String> itemsWithoutCase) {
    }

    public record ItemAssociation(YearMonth month, double target, List<CategoryAssociation> categories) {
    }

    /** Items with at least one case accepted (or, without acceptance time, submitted or received) in the month. */
    @Transactional(readOnly = true)
    public ItemAssociation itemAssociation(YearMonth month) {
        OffsetDateTime from = start(month.atDay(1));
        OffsetDateTime to = start(month.plusMonths(1).atDay(1));
        Field<OffsetDateTime> when = DSL.coalesce(CASE_RECORD.ACCEPTED_AT, CASE_RECORD.SUBMITTED_AT, CASE_RECORD.FIRST_RECEIVED_AT);
        Set<String> withCase = Set.copyOf(db.selectDistinct(CASE_RECORD.ITEM_CODE).from(CASE_RECORD)
                .where(when.ge(from), when.lt(to)).fetch(CASE_RECORD.ITEM_CODE));
        Map<ServiceItemCategory, List<ServiceItem>> byCategory = new LinkedHashMap<>();
        for (ServiceItemCategory c : ServiceItemCategory.values()) {
            byCategory.put(c, new ArrayList<>());
        }
        items.list(null).forEach(i -> byCategory.get(i.category()).add(i));
        List<CategoryAssociation> categories = new ArrayList<>();
        byCategory.forEach((category, list) -> {
            long with = list.stream().filter(i -> withCase.contains(i.itemCode())).count();
            double share = list.isEmpty() ? 0 : (double) with / list.size();
            categories.add(new CategoryAssociation(category, list.size(), with, Math.round(share * 10000) / 10000.0, share >= 0.7,
                    list.stream().filter(i -> !withCase.contains(i.itemCode())).map(ServiceItem::itemCode).limit(LISTED_CASES).toList()));
        });
        return new ItemAssociation(month, 0.7, categories);
    }

    /** Overdue cases completed in the period, by source, department and card. */
    public record OverdueCount(String sourceId, String departmentCode, String card, long cases, long workingDaysLate) {
    }

    public record OverdueCase(String sourceId, String caseNumber, String itemCode, String departmentCode, String card,
                              int workingDaysLate, OffsetDateTime acceptedAt, OffsetDateTime completedAt) {
    }

    public record OverdueReport(LocalDate from, LocalDate to, List<OverdueCount> counts, List<OverdueCase> cases) {
    }

    @Transactional(readOnly = true)
    public OverdueReport overdue(LocalDate from, LocalDate to, String sourceId) {
        Condition where = CASE_RECORD.OVERDUE_CARD.isNotNull()
                .and(CASE_RECORD.COMPLETED_AT.ge(start(from))).and(CASE_RECORD.COMPLETED_AT.lt(start(to.plusDays(1))));
        if (sourceId != null) {
            where = where.and(CASE_RECORD.SOURCE_ID.eq(sourceId));
        }
        Field<String> dept = DSL.coalesce(CASE_RECORD.ACCEPTING_DEPARTMENT_CODE, DSL.inline(""));
        List<OverdueCount> counts = db.select(CASE_RECORD.SOURCE_ID, dept, CASE_RECORD.OVERDUE_CARD, count(),
                        sum(CASE_RECORD.OVERDUE_WORKING_DAYS))
                .from(CASE_RECORD).where(where)
                .groupBy(CASE_RECORD.SOURCE_ID, dept, CASE_RECORD.OVERDUE_CARD)
                .orderBy(CASE_RECORD.SOURCE_ID, dept, CASE_RECORD.OVERDUE_CARD)
                .fetch(r -> new OverdueCount(r.value1(), r.value2(), r.value3(), r.value4(), r.value5() == null ? 0 : r.value5().longValue()));
        List<OverdueCase> cases = db.selectFrom(CASE_RECORD).where(where)
                .orderBy(CASE_RECORD.OVERDUE_WORKING_DAYS.desc(), CASE_RECORD.COMPLETED_AT.desc()).limit(LISTED_CASES)
                .fetch(r -> new OverdueCase(r.getSourceId(), r.getCaseNumber(), r.getItemCode(), r.getAcceptingDepartmentCode(),
                        r.getOverdueCard(), r.getOverdueWorkingDays() == null ? 0 : r.getOverdueWorkingDays(), r.getAcceptedAt(),
                        r.getCompletedAt()));
        return new OverdueReport(from, to, counts, cases);
    }

    /** Totals since the hub started counting, for gauges: versions waiting for the centre, open failures. */
    public record Backlog(long forwardPending, long openFailures) {
    }

    @Transactional(readOnly = true)
    public Backlog backlog() {
        return new Backlog(db.fetchCount(CASE_FORWARD, CASE_FORWARD.FORWARDED_AT.isNull()),
                db.fetchCount(CASE_FAILURE, CASE_FAILURE.RESOLVED_AT.isNull()));
    }
}

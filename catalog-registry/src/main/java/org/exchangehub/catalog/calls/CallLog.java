package org.exchangehub.catalog.calls;

import static org.exchangehub.catalog.jooq.Tables.CALL_LOG;
import static org.exchangehub.catalog.jooq.Tables.CATALOG_ENTRY;
import static org.exchangehub.catalog.jooq.Tables.CONSUMER_SYSTEM;
import static org.exchangehub.catalog.jooq.Tables.DEPARTMENT;
import static org.exchangehub.catalog.jooq.Tables.MOUNTED_RESOURCE;
import static org.exchangehub.catalog.jooq.Tables.SHARE_GRANT;
import static org.jooq.impl.DSL.avg;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.sum;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exchangehub.catalog.Actor;
import org.exchangehub.catalog.BureauCalendar;
import org.exchangehub.catalog.PageResult;
import org.exchangehub.catalog.RegistryException;
import org.exchangehub.catalog.grant.SharingService;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The stored call log: batches in, statistics and the "granted but never called" report (指标21) out. */
@Service
public class CallLog {

    private final DSLContext db;
    private final SharingService sharing;

    public CallLog(DSLContext db, SharingService sharing) {
        this.db = db;
        this.sharing = sharing;
    }

    /**
     * Stores a batch; a call already stored (Kafka redelivered it) is skipped. Returns how many were new. One statement
     * bound once per call: rendering a multi-row insert of a few hundred rows took more CPU than sending it.
     */
    @Transactional
    public int storeAll(List<CallRecord> calls) {
        if (calls.isEmpty()) {
            return 0;
        }
        var batch = db.batch(db.insertInto(CALL_LOG, CALL_LOG.CALL_ID, CALL_LOG.OCCURRED_AT, CALL_LOG.CONSUMER_SYSTEM_ID,
                        CALL_LOG.RESOURCE_CODE, CALL_LOG.OPERATION, CALL_LOG.GRANT_ID, CALL_LOG.HTTP_STATUS, CALL_LOG.ERROR_CODE,
                        CALL_LOG.LATENCY_MS, CALL_LOG.RESPONSE_BYTES)
                .values((java.util.UUID) null, null, null, null, null, null, null, null, null, null)
                .onConflict(CALL_LOG.CALL_ID).doNothing());
        for (CallRecord c : calls) {
            batch = batch.bind(c.callId(), c.occurredAt(), c.consumerSystemId(), c.resourceCode(), c.operation(), c.grantId(),
                    c.httpStatus(), c.errorCode(), c.latencyMs(), c.responseBytes());
        }
        int stored = 0;
        for (int n : batch.execute()) {
            stored += Math.max(n, 0);
        }
        return stored;
    }

    /** Calls per day (Asia/Shanghai), consuming system and resource. */
    public record DailyStatistics(LocalDate day, String consumerSystemId, String resourceCode, long calls, long succeeded,
                                  long failed, double averageLatencyMs, long responseBytes) {
    }

    @Transactional(readOnly = true)
    public List<DailyStatistics> statistics(Actor actor, LocalDate from, LocalDate to) {
        requireAdmin(actor);
        Field<LocalDate> day = DSL.field("({0} at time zone 'Asia/Shanghai')::date", SQLDataType.LOCALDATE, CALL_LOG.OCCURRED_AT);
        return db.select(day, CALL_LOG.CONSUMER_SYSTEM_ID, CALL_LOG.RESOURCE_CODE, count(),
                        count().filterWhere(CALL_LOG.HTTP_STATUS.between(200, 299)), count().filterWhere(CALL_LOG.HTTP_STATUS.ge(400)),
                        avg(CALL_LOG.LATENCY_MS), sum(CALL_LOG.RESPONSE_BYTES))
                .from(CALL_LOG)
                .where(CALL_LOG.OCCURRED_AT.ge(from.atStartOfDay(BureauCalendar.ZONE).toOffsetDateTime()))
                .and(CALL_LOG.OCCURRED_AT.lt(to.plusDays(1).atStartOfDay(BureauCalendar.ZONE).toOffsetDateTime()))
                .groupBy(day, CALL_LOG.CONSUMER_SYSTEM_ID, CALL_LOG.RESOURCE_CODE)
                .orderBy(day, CALL_LOG.CONSUMER_SYSTEM_ID, CALL_LOG.RESOURCE_CODE)
                .fetch(r -> new DailyStatistics(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7() == null ? 0 : r.value7().doubleValue(), r.value8() == null ? 0 : r.value8().longValue()));
    }

    /** An active grant no call has used yet, with the names a person reads beside the codes. */
    public record UncalledGrant(long grantId, String consumerSystemId, String consumerSystemName, String resourceCode,
                                String entryName, String providerDepartmentCode, String providerDepartmentName,
                                OffsetDateTime grantedAt) {
    }

    /** Active grants that no call has used: approved interfaces nobody calls (指标21). */
    @Transactional(readOnly = true)
    public List<UncalledGrant> neverCalled(Actor actor) {
        requireAdmin(actor);
        return uncalledGrants(DSL.noCondition()).orderBy(SHARE_GRANT.GRANTED_AT).fetch(CallLog::uncalledGrant);
    }

    private org.jooq.SelectConditionStep<?> uncalledGrants(org.jooq.Condition visible) {
        return db.select(SHARE_GRANT.ID, SHARE_GRANT.CONSUMER_SYSTEM_ID, CONSUMER_SYSTEM.NAME, CATALOG_ENTRY.RESOURCE_CODE,
                        CATALOG_ENTRY.NAME, CATALOG_ENTRY.DEPARTMENT_CODE, DEPARTMENT.NAME, SHARE_GRANT.GRANTED_AT)
                .from(SHARE_GRANT).join(CATALOG_ENTRY).on(CATALOG_ENTRY.ID.eq(SHARE_GRANT.ENTRY_ID))
                .leftJoin(CONSUMER_SYSTEM).on(CONSUMER_SYSTEM.ID.eq(SHARE_GRANT.CONSUMER_SYSTEM_ID))
                .leftJoin(DEPARTMENT).on(DEPARTMENT.CODE.eq(CATALOG_ENTRY.DEPARTMENT_CODE))
                .where(SHARE_GRANT.STATUS.eq("ACTIVE"), visible)
                .andNotExists(DSL.selectOne().from(CALL_LOG).where(CALL_LOG.GRANT_ID.eq(SHARE_GRANT.ID)));
    }

    private static UncalledGrant uncalledGrant(org.jooq.Record r) {
        return new UncalledGrant(r.get(SHARE_GRANT.ID), r.get(SHARE_GRANT.CONSUMER_SYSTEM_ID), r.get(CONSUMER_SYSTEM.NAME),
                r.get(CATALOG_ENTRY.RESOURCE_CODE), r.get(CATALOG_ENTRY.NAME), r.get(CATALOG_ENTRY.DEPARTMENT_CODE), r.get(DEPARTMENT.NAME),
                r.get(SHARE_GRANT.GRANTED_AT));
    }

    /**
     * One interface reached through the given connectors (the national platform's, say): its grants and their use.
     *
     * @param activeGrants grants in force now (active and not expired)
     * @param grantsCalled grants used by at least one successful call of a national operation in the period
     */
    public record GrantedVersusCalled(String resourceCode, String providerDepartmentCode, List<String> connectorIds,
                                      long activeGrants, long grantsCalled, long calls, long succeeded) {
    }

    /**
     * For every entry with an API mounted through one of these connectors: how many grants it has and how many were
     * used in the period (Asia/Shanghai days), with the calls. Entries granted but never called show 0 calls.
     */
    @Transactional(readOnly = true)
    public List<GrantedVersusCalled> grantedVersusCalled(Actor actor, Collection<String> connectorIds, LocalDate from, LocalDate to) {
        requireAdmin(actor);
        if (connectorIds.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> connectorsOf = new LinkedHashMap<>();
        Map<String, String> departmentOf = new LinkedHashMap<>();
        Map<String, Long> entryIdOf = new LinkedHashMap<>();
        List<org.jooq.Row2<String, String>> nationalOperations = new ArrayList<>();
        db.selectDistinct(CATALOG_ENTRY.ID, CATALOG_ENTRY.RESOURCE_CODE, CATALOG_ENTRY.DEPARTMENT_CODE, MOUNTED_RESOURCE.CONNECTOR_ID,
                        MOUNTED_RESOURCE.OPERATION)
                .from(MOUNTED_RESOURCE).join(CATALOG_ENTRY).on(CATALOG_ENTRY.ID.eq(MOUNTED_RESOURCE.ENTRY_ID))
                .where(MOUNTED_RESOURCE.KIND.eq("API"), MOUNTED_RESOURCE.CONNECTOR_ID.in(connectorIds))
                .orderBy(CATALOG_ENTRY.RESOURCE_CODE, MOUNTED_RESOURCE.CONNECTOR_ID)
                .forEach(r -> {
                    List<String> connectors = connectorsOf.computeIfAbsent(r.value2(), k -> new ArrayList<>());
                    if (!connectors.contains(r.value4())) {
                        connectors.add(r.value4());
                    }
                    departmentOf.put(r.value2(), r.value3());
                    entryIdOf.put(r.value2(), r.value1());
                    nationalOperations.add(DSL.row(r.value2(), r.value5()));
                });
        if (entryIdOf.isEmpty()) {
            return List.of();
        }
        // grants still in force: an ACTIVE grant past its validity is not granted any more
        Map<Long, Integer> grants = db.select(SHARE_GRANT.ENTRY_ID, count()).from(SHARE_GRANT)
                .where(SHARE_GRANT.ENTRY_ID.in(entryIdOf.values()), SHARE_GRANT.STATUS.eq("ACTIVE"),
                        SHARE_GRANT.VALID_UNTIL.gt(OffsetDateTime.now()))
                .groupBy(SHARE_GRANT.ENTRY_ID).fetchMap(r -> r.value1(), r -> r.value2());
        // only calls of the national operations; a grant counts as used when one of its calls succeeded
        var succeeded = CALL_LOG.HTTP_STATUS.between(200, 299);
        Map<String, org.jooq.Record4<String, Integer, Integer, Integer>> use = db.select(CALL_LOG.RESOURCE_CODE,
                        DSL.countDistinct(CALL_LOG.GRANT_ID).filterWhere(succeeded), count(), count().filterWhere(succeeded))
                .from(CALL_LOG)
                .where(DSL.row(CALL_LOG.RESOURCE_CODE, CALL_LOG.OPERATION).in(nationalOperations))
                .and(CALL_LOG.OCCURRED_AT.ge(from.atStartOfDay(BureauCalendar.ZONE).toOffsetDateTime()))
                .and(CALL_LOG.OCCURRED_AT.lt(to.plusDays(1).atStartOfDay(BureauCalendar.ZONE).toOffsetDateTime()))
                .groupBy(CALL_LOG.RESOURCE_CODE).fetchMap(r -> r.value1(), r -> r);
        List<GrantedVersusCalled> report = new ArrayList<>();
        entryIdOf.forEach((code, entryId) -> {
            var u = use.get(code);
            report.add(new GrantedVersusCalled(code, departmentOf.get(code), List.copyOf(connectorsOf.get(code)),
                    grants.getOrDefault(entryId, 0), u == null ? 0 : u.value2(), u == null ? 0 : u.value3(), u == null ? 0 : u.value4()));
        });
        return report;
    }

    /**
     * One grant's use in a period (Asia/Shanghai days): its calls, how many succeeded and failed, the mean latency
     * (null without calls) and the last call ever made with it (null when it was never called).
     */
    public record GrantUsage(long grantId, String consumerSystemId, String consumerSystemName, String resourceCode, String entryName,
                             String providerDepartmentCode, String providerDepartmentName, String status, OffsetDateTime grantedAt, OffsetDateTime validUntil,
                             long calls, long succeeded, long failed, Double averageLatencyMs, OffsetDateTime lastCalledAt) {
    }

    public static final java.util.Set<String> USAGE_SORTS = java.util.Set.of("calls", "failed", "entry", "consumer", "lastCalledAt");

    /**
     * The use of the grants an actor may see (the sharing parties' rule: a provider department's reviewers its
     * entries', a department's editors its systems', admins all), each grant in force now or called in the period,
     * sorted and paged in SQL; {@code sort} one of {@link #USAGE_SORTS}.
     */
    @Transactional(readOnly = true)
    public PageResult<GrantUsage> grantUsage(Actor actor, LocalDate from, LocalDate to, String sort, boolean ascending, int page,
                                             int size) {
        var succeeded = CALL_LOG.HTTP_STATUS.between(200, 299);
        var period = DSL.select(CALL_LOG.GRANT_ID.as("grant_id"), count().as("calls"), count().filterWhere(succeeded).as("succeeded"),
                        count().filterWhere(CALL_LOG.HTTP_STATUS.ge(400)).as("failed"), avg(CALL_LOG.LATENCY_MS).as("latency"))
                .from(CALL_LOG)
                .where(CALL_LOG.GRANT_ID.isNotNull(), CALL_LOG.OCCURRED_AT.ge(from.atStartOfDay(BureauCalendar.ZONE).toOffsetDateTime()),
                        CALL_LOG.OCCURRED_AT.lt(to.plusDays(1).atStartOfDay(BureauCalendar.ZONE).toOffsetDateTime()))
                .groupBy(CALL_LOG.GRANT_ID).asTable("period");
        Field<Long> grantOf = period.field("grant_id", Long.class);
        Field<Integer> calls = DSL.coalesce(period.field("calls", Integer.class), DSL.inline(0));
        Field<Integer> ok = DSL.coalesce(period.field("succeeded", Integer.class), DSL.inline(0));
        Field<Integer> failed = DSL.coalesce(period.field("failed", Integer.class), DSL.inline(0));
        Field<java.math.BigDecimal> latency = period.field("latency", java.math.BigDecimal.class);
        Field<OffsetDateTime> last = DSL.field(DSL.select(DSL.max(CALL_LOG.OCCURRED_AT)).from(CALL_LOG)
                .where(CALL_LOG.GRANT_ID.eq(SHARE_GRANT.ID)));
        var where = sharing.partyCondition(actor, SHARE_GRANT.CONSUMER_SYSTEM_ID)
                .and(SHARE_GRANT.STATUS.eq("ACTIVE").or(grantOf.isNotNull()));
        Field<?> order = switch (sort == null ? "" : sort) {
            case "failed" -> failed;
            case "entry" -> org.exchangehub.catalog.text.PinyinOrder.of(CATALOG_ENTRY.NAME);
            case "consumer" -> SharingService.consumerName(SHARE_GRANT.CONSUMER_SYSTEM_ID);
            case "lastCalledAt" -> last;
            default -> calls;
        };
        var from_ = SHARE_GRANT.join(CATALOG_ENTRY).on(CATALOG_ENTRY.ID.eq(SHARE_GRANT.ENTRY_ID))
                .leftJoin(period).on(grantOf.eq(SHARE_GRANT.ID));
        var named = from_.leftJoin(CONSUMER_SYSTEM).on(CONSUMER_SYSTEM.ID.eq(SHARE_GRANT.CONSUMER_SYSTEM_ID))
                .leftJoin(DEPARTMENT).on(DEPARTMENT.CODE.eq(CATALOG_ENTRY.DEPARTMENT_CODE));
        long total = db.fetchCount(db.select(SHARE_GRANT.ID).from(from_).where(where));
        List<GrantUsage> rows = db.select(SHARE_GRANT.ID, SHARE_GRANT.CONSUMER_SYSTEM_ID, CONSUMER_SYSTEM.NAME, CATALOG_ENTRY.RESOURCE_CODE,
                        CATALOG_ENTRY.NAME, CATALOG_ENTRY.DEPARTMENT_CODE, DEPARTMENT.NAME, SHARE_GRANT.STATUS, SHARE_GRANT.GRANTED_AT,
                        SHARE_GRANT.VALID_UNTIL, calls, ok, failed, latency, last)
                .from(named).where(where)
                .orderBy(ascending ? order.asc().nullsFirst() : order.desc().nullsLast(),
                        ascending ? SHARE_GRANT.ID.asc() : SHARE_GRANT.ID.desc())
                .limit(size).offset((long) page * size)
                .fetch(r -> new GrantUsage(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                        r.value8(), r.value9(), r.value10(), r.value11(), r.value12(), r.value13(),
                        r.value14() == null ? null : r.value14().doubleValue(), r.value15()));
        return new PageResult<>(rows, page, size, total);
    }

    /** Active grants no call has used yet, among those the actor may see (指标21, as {@link #neverCalled} for admins). */
    @Transactional(readOnly = true)
    public List<UncalledGrant> neverCalledVisibleTo(Actor actor) {
        return uncalledGrants(sharing.partyCondition(actor, SHARE_GRANT.CONSUMER_SYSTEM_ID))
                .orderBy(SHARE_GRANT.GRANTED_AT.desc(), SHARE_GRANT.ID.desc())
                .limit(500)
                .fetch(CallLog::uncalledGrant);
    }

    /** Calls per day of the grants an actor may see: the chart over a period. */
    public record DayTotal(LocalDate day, long calls, long succeeded, long failed) {
    }

    @Transactional(readOnly = true)
    public List<DayTotal> dailyTotals(Actor actor, LocalDate from, LocalDate to) {
        Field<LocalDate> day = DSL.field("({0} at time zone 'Asia/Shanghai')::date", SQLDataType.LOCALDATE, CALL_LOG.OCCURRED_AT);
        return db.select(day, count(), count().filterWhere(CALL_LOG.HTTP_STATUS.between(200, 299)),
                        count().filterWhere(CALL_LOG.HTTP_STATUS.ge(400)))
                .from(CALL_LOG).join(SHARE_GRANT).on(SHARE_GRANT.ID.eq(CALL_LOG.GRANT_ID))
                .join(CATALOG_ENTRY).on(CATALOG_ENTRY.ID.eq(SHARE_GRANT.ENTRY_ID))
                .where(sharing.partyCondition(actor, SHARE_GRANT.CONSUMER_SYSTEM_ID))
                .and(CALL_LOG.OCCURRED_AT.ge(from.atStartOfDay(BureauCalendar.ZONE).toOffsetDateTime()))
                .and(CALL_LOG.OCCURRED_AT.lt(to.plusDays(1).atStartOfDay(BureauCalendar.ZONE).toOffsetDateTime()))
                .groupBy(day).orderBy(day)
                .fetch(r -> new DayTotal(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** Per provider department: grants in force now and how many of them have been called at least once (指标21). */
    public record GrantsCalled(String providerDepartmentCode, long activeGrants, long calledGrants) {
    }

    @Transactional(readOnly = true)
    public Map<String, GrantsCalled> grantsCalledByDepartment() {
        var called = DSL.exists(DSL.selectOne().from(CALL_LOG).where(CALL_LOG.GRANT_ID.eq(SHARE_GRANT.ID)));
        Map<String, GrantsCalled> byDepartment = new LinkedHashMap<>();
        db.select(CATALOG_ENTRY.DEPARTMENT_CODE, count(), count().filterWhere(called))
                .from(SHARE_GRANT).join(CATALOG_ENTRY).on(CATALOG_ENTRY.ID.eq(SHARE_GRANT.ENTRY_ID))
                .where(SHARE_GRANT.STATUS.eq("ACTIVE"), SHARE_GRANT.VALID_UNTIL.gt(OffsetDateTime.now()))
                .groupBy(CATALOG_ENTRY.DEPARTMENT_CODE).orderBy(CATALOG_ENTRY.DEPARTMENT_CODE)
                .forEach(r -> byDepartment.put(r.value1(), new GrantsCalled(r.value1(), r.value2(), r.value3())));
        return byDepartment;
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.isAdmin()) {
            throw RegistryException.forbidden("Call statistics are for hub admins");
        }
    }
}

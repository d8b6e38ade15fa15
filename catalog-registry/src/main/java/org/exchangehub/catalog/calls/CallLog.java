package org.exchangehub.catalog.calls;

import static org.exchangehub.catalog.jooq.Tables.CALL_LOG;
import static org.exchangehub.catalog.jooq.Tables.CATALOG_ENTRY;
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
import org.exchangehub.catalog.RegistryException;
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

    public CallLog(DSLContext db) {
        this.db = db;
    }

    /** Stores a batch; a call already stored (Kafka redelivered it) is skipped. Returns how many were new. */
    @Transactional
    public int storeAll(List<CallRecord> calls) {
        if (calls.isEmpty()) {
            return 0;
        }
        var insert = db.insertInto(CALL_LOG, CALL_LOG.CALL_ID, CALL_LOG.OCCURRED_AT, CALL_LOG.CONSUMER_SYSTEM_ID, CALL_LOG.RESOURCE_CODE,
                CALL_LOG.OPERATION, CALL_LOG.GRANT_ID, CALL_LOG.HTTP_STATUS, CALL_LOG.ERROR_CODE, CALL_LOG.LATENCY_MS, CALL_LOG.RESPONSE_BYTES);
        for (CallRecord c : calls) {
            insert = insert.values(c.callId(), c.occurredAt(), c.consumerSystemId(), c.resourceCode(), c.operation(), c.grantId(),
                    c.httpStatus(), c.errorCode(), c.latencyMs(), c.responseBytes());
        }
        return insert.onConflict(CALL_LOG.CALL_ID).doNothing().execute();
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

    /** An active grant no call has used yet. */
    public record UncalledGrant(long grantId, String consumerSystemId, String resourceCode, String providerDepartmentCode,
                                OffsetDateTime grantedAt) {
    }

    /** Active grants that no call has used: approved interfaces nobody calls (指标21). */
    @Transactional(readOnly = true)
    public List<UncalledGrant> neverCalled(Actor actor) {
        requireAdmin(actor);
        return db.select(SHARE_GRANT.ID, SHARE_GRANT.CONSUMER_SYSTEM_ID, CATALOG_ENTRY.RESOURCE_CODE, CATALOG_ENTRY.DEPARTMENT_CODE,
                        SHARE_GRANT.GRANTED_AT)
                .from(SHARE_GRANT).join(CATALOG_ENTRY).on(CATALOG_ENTRY.ID.eq(SHARE_GRANT.ENTRY_ID))
                .where(SHARE_GRANT.STATUS.eq("ACTIVE"))
                .andNotExists(DSL.selectOne().from(CALL_LOG).where(CALL_LOG.GRANT_ID.eq(SHARE_GRANT.ID)))
                .orderBy(SHARE_GRANT.GRANTED_AT)
                .fetch(r -> new UncalledGrant(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
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

    private static void requireAdmin(Actor actor) {
        if (!actor.isAdmin()) {
            throw RegistryException.forbidden("Call statistics are for hub admins");
        }
    }
}

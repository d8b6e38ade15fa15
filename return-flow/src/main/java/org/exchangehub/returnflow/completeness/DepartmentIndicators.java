package org.exchangehub.returnflow.completeness;

import static org.exchangehub.returnflow.jooq.Tables.CASE_INTAKE_DAY;
import static org.exchangehub.returnflow.jooq.Tables.CASE_RECORD;
import static org.exchangehub.returnflow.jooq.Tables.CASE_RECORD_VERSION;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.sum;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.exchangehub.catalog.BureauCalendar;
import org.exchangehub.catalog.item.ServiceItem;
import org.exchangehub.catalog.item.ServiceItemService;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The return flow's evaluation indicators per department (the accepting department of the cases, the providing
 * department of the service items): quality-check pass rate and timeliness over a period (指标27), the share of
 * service items with a case in a month (指标36–38) and overdue cases (指标3). Counts only: each ratio is left to the
 * reader, since a department without records has no rate at all rather than a rate of 0.
 */
@Service
public class DepartmentIndicators {

    /** A case is back on time when its record arrives within this long of the case's completion. */
    public static final Duration TIMELY = Duration.ofHours(24);

    private final DSLContext db;
    private final ServiceItemService items;

    public DepartmentIndicators(DSLContext db, ServiceItemService items) {
        this.db = db;
        this.items = items;
    }

    /**
     * @param received       records received in the period (passed or failed)
     * @param passed         of which passed the quality check
     * @param completed      versions of completed cases received in the period
     * @param timely         of which arrived within {@link #TIMELY} of completion
     * @param overdue        cases completed in the period after their deadline
     * @param items          the department's service items
     * @param itemsWithCase  of which had at least one case in the month
     */
    public record Figures(String departmentCode, long received, long passed, long completed, long timely, long overdue,
                          long items, long itemsWithCase) {
    }

    /** Per department code, for days {@code from}–{@code to} (Asia/Shanghai) and the month's item association. */
    @Transactional(readOnly = true)
    public Map<String, Figures> figures(LocalDate from, LocalDate to, YearMonth month) {
        OffsetDateTime start = from.atStartOfDay(BureauCalendar.ZONE).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(BureauCalendar.ZONE).toOffsetDateTime();
        Map<String, long[]> f = new TreeMap<>(); // received, passed, completed, timely, overdue, items, with case
        db.select(CASE_INTAKE_DAY.DEPARTMENT_CODE, sum(CASE_INTAKE_DAY.RECEIVED), sum(CASE_INTAKE_DAY.PASSED))
                .from(CASE_INTAKE_DAY).where(CASE_INTAKE_DAY.DAY.between(from, to), CASE_INTAKE_DAY.DEPARTMENT_CODE.ne(""))
                .groupBy(CASE_INTAKE_DAY.DEPARTMENT_CODE)
                .forEach(r -> {
                    long[] a = f.computeIfAbsent(r.value1(), k -> new long[7]);
                    a[0] = r.value2() == null ? 0 : r.value2().longValue();
                    a[1] = r.value3() == null ? 0 : r.value3().longValue();
                });
        Field<Double> seconds = DSL.field("extract(epoch from ({0} - {1}))::float8", SQLDataType.DOUBLE,
                CASE_RECORD_VERSION.RECEIVED_AT, CASE_RECORD_VERSION.COMPLETED_AT);
        db.select(CASE_RECORD_VERSION.ACCEPTING_DEPARTMENT_CODE, count(), count().filterWhere(seconds.le((double) TIMELY.toSeconds())))
                .from(CASE_RECORD_VERSION)
                .where(CASE_RECORD_VERSION.RECEIVED_AT.ge(start), CASE_RECORD_VERSION.RECEIVED_AT.lt(end),
                        CASE_RECORD_VERSION.COMPLETED_AT.isNotNull(), CASE_RECORD_VERSION.ACCEPTING_DEPARTMENT_CODE.isNotNull())
                .groupBy(CASE_RECORD_VERSION.ACCEPTING_DEPARTMENT_CODE)
                .forEach(r -> {
                    long[] a = f.computeIfAbsent(r.value1(), k -> new long[7]);
                    a[2] = r.value2();
                    a[3] = r.value3();
                });
        db.select(CASE_RECORD.ACCEPTING_DEPARTMENT_CODE, count())
                .from(CASE_RECORD)
                .where(CASE_RECORD.OVERDUE_CARD.isNotNull(), CASE_RECORD.COMPLETED_AT.ge(start), CASE_RECORD.COMPLETED_AT.lt(end),
                        CASE_RECORD.ACCEPTING_DEPARTMENT_CODE.isNotNull())
                .groupBy(CASE_RECORD.ACCEPTING_DEPARTMENT_CODE)
                .forEach(r -> f.computeIfAbsent(r.value1(), k -> new long[7])[4] = r.value2());
        OffsetDateTime monthStart = month.atDay(1).atStartOfDay(BureauCalendar.ZONE).toOffsetDateTime();
        OffsetDateTime monthEnd = month.plusMonths(1).atDay(1).atStartOfDay(BureauCalendar.ZONE).toOffsetDateTime();
        // the same rule as CompletenessReports.itemAssociation: accepted, else submitted, else received in the month
        Field<OffsetDateTime> when = DSL.coalesce(CASE_RECORD.ACCEPTED_AT, CASE_RECORD.SUBMITTED_AT, CASE_RECORD.FIRST_RECEIVED_AT);
        java.util.Set<String> withCase = java.util.Set.copyOf(db.selectDistinct(CASE_RECORD.ITEM_CODE).from(CASE_RECORD)
                .where(when.ge(monthStart), when.lt(monthEnd)).fetch(CASE_RECORD.ITEM_CODE));
        // the registry's items through its service (its tables are its own), as CompletenessReports.itemAssociation does
        for (ServiceItem item : items.list(null)) {
            if (item.departmentCode() != null) {
                long[] a = f.computeIfAbsent(item.departmentCode(), k -> new long[7]);
                a[5]++;
                if (withCase.contains(item.itemCode())) {
                    a[6]++;
                }
            }
        }
        Map<String, Figures> result = new HashMap<>();
        f.forEach((code, a) -> result.put(code, new Figures(code, a[0], a[1], a[2], a[3], a[4], a[5], a[6])));
        return result;
    }
}

package org.exchangehub.catalog.coverage;

import static org.exchangehub.catalog.jooq.Tables.CATALOG_ENTRY;
import static org.exchangehub.catalog.jooq.Tables.DEPARTMENT;
import static org.exchangehub.catalog.jooq.Tables.ENTRY_ITEM_LINK;
import static org.exchangehub.catalog.jooq.Tables.MOUNTED_RESOURCE;
import static org.exchangehub.catalog.jooq.Tables.SERVICE_ITEM;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.selectOne;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.exchangehub.catalog.PageResult;
import org.exchangehub.catalog.coverage.CoverageReport.CategoryCoverage;
import org.exchangehub.catalog.coverage.CoverageReport.Figures;
import org.exchangehub.catalog.coverage.CoverageReport.UncoveredItem;
import org.exchangehub.catalog.coverage.CoverageReport.UnmountedEntry;
import org.exchangehub.catalog.entry.EntryStatus;
import org.exchangehub.catalog.item.ServiceItemCategory;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes catalogue coverage: the share of ADMINISTRATIVE_POWER and of PUBLIC_SERVICE items linked to at
 * least one published entry, and the share of published entries with a mounted resource.
 */
@Service
public class CoverageService {

    private final DSLContext db;

    public CoverageService(DSLContext db) {
        this.db = db;
    }

    private static Condition covered() {
        return exists(selectOne().from(ENTRY_ITEM_LINK).join(CATALOG_ENTRY).on(CATALOG_ENTRY.ID.eq(ENTRY_ITEM_LINK.ENTRY_ID))
                .where(ENTRY_ITEM_LINK.ITEM_CODE.eq(SERVICE_ITEM.ITEM_CODE))
                .and(CATALOG_ENTRY.STATUS.eq(EntryStatus.PUBLISHED.name())));
    }

    private static Condition mounted() {
        return exists(selectOne().from(MOUNTED_RESOURCE).where(MOUNTED_RESOURCE.ENTRY_ID.eq(CATALOG_ENTRY.ID)));
    }

    @Transactional(readOnly = true)
    public CoverageReport report() {
        Map<String, long[]> items = new HashMap<>(); // department → [ap items, ap covered, ps items, ps covered]
        db.select(SERVICE_ITEM.DEPARTMENT_CODE, SERVICE_ITEM.CATEGORY, count(), count().filterWhere(covered()))
                .from(SERVICE_ITEM)
                .groupBy(SERVICE_ITEM.DEPARTMENT_CODE, SERVICE_ITEM.CATEGORY)
                .forEach(r -> {
                    long[] f = items.computeIfAbsent(r.value1(), k -> new long[4]);
                    int at = ServiceItemCategory.valueOf(r.value2()) == ServiceItemCategory.ADMINISTRATIVE_POWER ? 0 : 2;
                    f[at] = r.value3();
                    f[at + 1] = r.value4();
                });
        Map<String, long[]> entries = new HashMap<>(); // department → [published, mounted]
        db.select(CATALOG_ENTRY.DEPARTMENT_CODE, count(), count().filterWhere(mounted()))
                .from(CATALOG_ENTRY)
                .where(CATALOG_ENTRY.STATUS.eq(EntryStatus.PUBLISHED.name()))
                .groupBy(CATALOG_ENTRY.DEPARTMENT_CODE)
                .forEach(r -> entries.put(r.value1(), new long[] {r.value2(), r.value3()}));

        long[] totalItems = new long[4];
        long[] totalEntries = new long[2];
        List<Figures> departments = new ArrayList<>();
        for (var d : db.selectFrom(DEPARTMENT).orderBy(DEPARTMENT.CODE).fetch()) {
            long[] i = items.getOrDefault(d.getCode(), new long[4]);
            long[] e = entries.getOrDefault(d.getCode(), new long[2]);
            for (int k = 0; k < 4; k++) {
                totalItems[k] += i[k];
            }
            totalEntries[0] += e[0];
            totalEntries[1] += e[1];
            departments.add(figures(d.getCode(), d.getName(), i, e));
        }
        return new CoverageReport(figures(null, null, totalItems, totalEntries), departments);
    }

    @Transactional(readOnly = true)
    public List<UncoveredItem> uncoveredItems(String departmentCode) {
        return db.selectFrom(SERVICE_ITEM)
                .where(covered().not())
                .and(departmentCode == null ? noCondition() : SERVICE_ITEM.DEPARTMENT_CODE.eq(departmentCode))
                .orderBy(SERVICE_ITEM.DEPARTMENT_CODE, SERVICE_ITEM.ITEM_CODE)
                .fetch(r -> new UncoveredItem(r.getItemCode(), r.getName(), r.getCategory(), r.getDepartmentCode()));
    }

    @Transactional(readOnly = true)
    public List<UnmountedEntry> unmountedEntries(String departmentCode) {
        return db.select(CATALOG_ENTRY.RESOURCE_CODE, CATALOG_ENTRY.NAME, CATALOG_ENTRY.DEPARTMENT_CODE)
                .from(CATALOG_ENTRY)
                .where(CATALOG_ENTRY.STATUS.eq(EntryStatus.PUBLISHED.name()))
                .and(mounted().not())
                .and(departmentCode == null ? noCondition() : CATALOG_ENTRY.DEPARTMENT_CODE.eq(departmentCode))
                .orderBy(CATALOG_ENTRY.DEPARTMENT_CODE, CATALOG_ENTRY.RESOURCE_CODE)
                .fetch(r -> new UnmountedEntry(r.value1(), r.value2(), r.value3()));
    }

    /** One page of {@link #uncoveredItems(String)}, in the same order, for lists that may be long. */
    @Transactional(readOnly = true)
    public PageResult<UncoveredItem> uncoveredItems(String departmentCode, int page, int size) {
        Condition where = covered().not()
                .and(departmentCode == null ? noCondition() : SERVICE_ITEM.DEPARTMENT_CODE.eq(departmentCode));
        long total = db.fetchCount(SERVICE_ITEM, where);
        List<UncoveredItem> items = db.selectFrom(SERVICE_ITEM).where(where)
                .orderBy(SERVICE_ITEM.DEPARTMENT_CODE, SERVICE_ITEM.ITEM_CODE)
                .limit(size).offset((long) page * size)
                .fetch(r -> new UncoveredItem(r.getItemCode(), r.getName(), r.getCategory(), r.getDepartmentCode()));
        return new PageResult<>(items, page, size, total);
    }

    /** One page of {@link #unmountedEntries(String)}, in the same order. */
    @Transactional(readOnly = true)
    public PageResult<UnmountedEntry> unmountedEntries(String departmentCode, int page, int size) {
        Condition where = CATALOG_ENTRY.STATUS.eq(EntryStatus.PUBLISHED.name()).and(mounted().not())
                .and(departmentCode == null ? noCondition() : CATALOG_ENTRY.DEPARTMENT_CODE.eq(departmentCode));
        long total = db.fetchCount(CATALOG_ENTRY, where);
        List<UnmountedEntry> entries = db.select(CATALOG_ENTRY.RESOURCE_CODE, CATALOG_ENTRY.NAME, CATALOG_ENTRY.DEPARTMENT_CODE)
                .from(CATALOG_ENTRY).where(where)
                .orderBy(CATALOG_ENTRY.DEPARTMENT_CODE, CATALOG_ENTRY.RESOURCE_CODE)
                .limit(size).offset((long) page * size)
                .fetch(r -> new UnmountedEntry(r.value1(), r.value2(), r.value3()));
        return new PageResult<>(entries, page, size, total);
    }

    private static Figures figures(String code, String name, long[] items, long[] entries) {
        return new Figures(code, name, CategoryCoverage.of(items[0], items[1]), CategoryCoverage.of(items[2], items[3]),
                entries[0], entries[1], entries[0] == 0 ? null : (double) entries[1] / entries[0]);
    }
}

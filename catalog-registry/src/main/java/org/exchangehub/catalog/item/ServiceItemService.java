package org.exchangehub.catalog.item;

import static org.exchangehub.catalog.jooq.Tables.DEPARTMENT;
import static org.exchangehub.catalog.jooq.Tables.SERVICE_ITEM;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.exchangehub.catalog.FieldProblem;
import org.exchangehub.catalog.RegistryException;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Government service items (政务服务事项). */
@Service
public class ServiceItemService {

    /** Item codes in practice are letters and digits, sometimes with dots or dashes; never spaces. */
    private static final Pattern ITEM_CODE = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.\\-]{3,63}");

    private final DSLContext db;

    public ServiceItemService(DSLContext db) {
        this.db = db;
    }

    /** Problems with an item's fields given as text (as in an import row), empty when it may be saved. */
    public List<FieldProblem> validate(String itemCode, String name, String category, String departmentCode) {
        List<FieldProblem> problems = new ArrayList<>();
        if (itemCode == null || itemCode.isBlank()) {
            problems.add(new FieldProblem("itemCode", "required: the service item code (事项编码)"));
        } else if (!ITEM_CODE.matcher(itemCode).matches()) {
            problems.add(new FieldProblem("itemCode", "expected 4 to 64 letters, digits, dots or dashes, got '" + itemCode + "'"));
        }
        if (name == null || name.isBlank()) {
            problems.add(new FieldProblem("name", "required: the service item's name"));
        } else if (name.length() > 300) {
            problems.add(new FieldProblem("name", "at most 300 characters"));
        }
        if (category == null || category.isBlank()) {
            problems.add(new FieldProblem("category", "required: one of " + Arrays.toString(ServiceItemCategory.values())));
        } else if (Arrays.stream(ServiceItemCategory.values()).noneMatch(c -> c.name().equals(category))) {
            problems.add(new FieldProblem("category", "expected one of " + Arrays.toString(ServiceItemCategory.values())
                    + ", got '" + category + "'"));
        }
        if (departmentCode == null || departmentCode.isBlank()) {
            problems.add(new FieldProblem("departmentCode", "required: the providing department's unified social credit code"));
        } else if (!db.fetchExists(DEPARTMENT, DEPARTMENT.CODE.eq(departmentCode))) {
            problems.add(new FieldProblem("departmentCode", "no department with code " + departmentCode + " (import departments first)"));
        }
        return problems;
    }

    /** Creates or updates an item; returns true when it was new. */
    @Transactional
    public boolean save(ServiceItem item) {
        List<FieldProblem> problems = validate(item.itemCode(), item.name(),
                item.category() == null ? null : item.category().name(), item.departmentCode());
        if (!problems.isEmpty()) {
            throw RegistryException.invalid(problems);
        }
        int inserted = db.insertInto(SERVICE_ITEM)
                .set(SERVICE_ITEM.ITEM_CODE, item.itemCode())
                .set(SERVICE_ITEM.NAME, item.name())
                .set(SERVICE_ITEM.CATEGORY, item.category().name())
                .set(SERVICE_ITEM.DEPARTMENT_CODE, item.departmentCode())
                .onConflict(SERVICE_ITEM.ITEM_CODE).doNothing()
                .execute();
        if (inserted == 0) {
            db.update(SERVICE_ITEM)
                    .set(SERVICE_ITEM.NAME, item.name())
                    .set(SERVICE_ITEM.CATEGORY, item.category().name())
                    .set(SERVICE_ITEM.DEPARTMENT_CODE, item.departmentCode())
                    .set(SERVICE_ITEM.UPDATED_AT, OffsetDateTime.now())
                    .where(SERVICE_ITEM.ITEM_CODE.eq(item.itemCode()))
                    .execute();
        }
        return inserted == 1;
    }

    public List<ServiceItem> list(String departmentCode) {
        var query = db.selectFrom(SERVICE_ITEM);
        var where = departmentCode == null ? query.where() : query.where(SERVICE_ITEM.DEPARTMENT_CODE.eq(departmentCode));
        return where.orderBy(SERVICE_ITEM.ITEM_CODE).fetch(r -> new ServiceItem(r.getItemCode(), r.getName(),
                ServiceItemCategory.valueOf(r.getCategory()), r.getDepartmentCode()));
    }

    /** Which of the given item codes are known to the registry. */
    public Set<String> known(Collection<String> itemCodes) {
        if (itemCodes.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(db.select(SERVICE_ITEM.ITEM_CODE).from(SERVICE_ITEM)
                .where(SERVICE_ITEM.ITEM_CODE.in(itemCodes)).fetch(SERVICE_ITEM.ITEM_CODE));
    }
}

package org.exchangehub.catalog.importing;

import static org.exchangehub.catalog.importing.ImportColumns.term;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.exchangehub.catalog.Actor;
import org.exchangehub.catalog.FieldProblem;
import org.exchangehub.catalog.ImportReport;
import org.exchangehub.catalog.ImportReport.Outcome;
import org.exchangehub.catalog.ImportReport.RowResult;
import org.exchangehub.catalog.RegistryException;
import org.exchangehub.catalog.department.Department;
import org.exchangehub.catalog.department.DepartmentService;
import org.exchangehub.catalog.event.CatalogEventOutbox;
import org.exchangehub.catalog.event.CatalogEventType;
import org.exchangehub.catalog.item.ServiceItem;
import org.exchangehub.catalog.item.ServiceItemCategory;
import org.exchangehub.catalog.item.ServiceItemService;
import org.exchangehub.catalog.tabular.Row;
import org.exchangehub.catalog.tabular.Table;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Bulk import of departments and service items (reference data) from XLSX or CSV, row by row. Admins only. */
@Service
public class ReferenceImportService {

    private final DepartmentService departments;
    private final ServiceItemService items;
    private final CatalogEventOutbox events;

    public ReferenceImportService(DepartmentService departments, ServiceItemService items, CatalogEventOutbox events) {
        this.departments = departments;
        this.items = items;
        this.events = events;
    }

    @Transactional
    public ImportReport importDepartments(Actor actor, String fileName, InputStream in) {
        requireAdmin(actor);
        Table table = ImportColumns.readRequiring(fileName, in, List.of(ImportColumns.DEPT_CODE, ImportColumns.DEPT_NAME, ImportColumns.DEPT_REGION));
        List<RowResult> results = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Row r : table.rows()) {
            Department d = new Department(ImportColumns.DEPT_CODE.in(r), ImportColumns.DEPT_NAME.in(r), ImportColumns.DEPT_REGION.in(r));
            List<FieldProblem> problems = new ArrayList<>(DepartmentService.validate(d));
            if (!d.code().isEmpty() && !seen.add(d.code())) {
                problems.add(new FieldProblem("code", "department " + d.code() + " appears more than once in this file"));
            }
            if (!problems.isEmpty()) {
                results.add(new RowResult(r.rowNumber(), Outcome.REJECTED, d.code(), problems));
            } else {
                boolean created = departments.save(d);
                results.add(new RowResult(r.rowNumber(), created ? Outcome.CREATED : Outcome.UPDATED, d.code(), List.of()));
            }
        }
        ImportReport report = ImportReport.of(results);
        events.record(CatalogEventType.DEPARTMENTS_IMPORTED, null, null, null, null, null, actor.username(),
                Map.of("created", report.created(), "updated", report.updated(), "rejected", report.rejected()));
        return report;
    }

    @Transactional
    public ImportReport importServiceItems(Actor actor, String fileName, InputStream in) {
        requireAdmin(actor);
        Table table = ImportColumns.readRequiring(fileName, in, List.of(ImportColumns.ITEM_CODE, ImportColumns.ITEM_NAME, ImportColumns.ITEM_CATEGORY,
                ImportColumns.ITEM_DEPARTMENT));
        List<RowResult> results = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Row r : table.rows()) {
            String code = ImportColumns.ITEM_CODE.in(r);
            String category = term(ImportColumns.ITEM_CATEGORY.in(r));
            List<FieldProblem> problems = new ArrayList<>(items.validate(code, ImportColumns.ITEM_NAME.in(r), category,
                    ImportColumns.ITEM_DEPARTMENT.in(r)));
            if (!code.isEmpty() && !seen.add(code)) {
                problems.add(new FieldProblem("itemCode", "item " + code + " appears more than once in this file"));
            }
            if (!problems.isEmpty()) {
                results.add(new RowResult(r.rowNumber(), Outcome.REJECTED, code, problems));
            } else {
                boolean created = items.save(new ServiceItem(code, ImportColumns.ITEM_NAME.in(r), ServiceItemCategory.valueOf(category),
                        ImportColumns.ITEM_DEPARTMENT.in(r)));
                results.add(new RowResult(r.rowNumber(), created ? Outcome.CREATED : Outcome.UPDATED, code, List.of()));
            }
        }
        ImportReport report = ImportReport.of(results);
        events.record(CatalogEventType.SERVICE_ITEMS_IMPORTED, null, null, null, null, null, actor.username(),
                Map.of("created", report.created(), "updated", report.updated(), "rejected", report.rejected()));
        return report;
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.isAdmin()) {
            throw RegistryException.forbidden("Only hub admins import departments and service items");
        }
    }
}

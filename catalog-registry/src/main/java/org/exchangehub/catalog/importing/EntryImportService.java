package org.exchangehub.catalog.importing;

import static org.exchangehub.catalog.importing.ImportColumns.term;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.exchangehub.catalog.Actor;
import org.exchangehub.catalog.FieldProblem;
import org.exchangehub.catalog.ImportReport;
import org.exchangehub.catalog.ImportReport.Outcome;
import org.exchangehub.catalog.ImportReport.RowResult;
import org.exchangehub.catalog.department.DepartmentService;
import org.exchangehub.catalog.entry.EntryContent;
import org.exchangehub.catalog.entry.EntryDraft;
import org.exchangehub.catalog.entry.EntryDraft.DataItemDraft;
import org.exchangehub.catalog.entry.EntryService;
import org.exchangehub.catalog.entry.EntryValidator;
import org.exchangehub.catalog.item.ServiceItemService;
import org.exchangehub.catalog.tabular.Row;
import org.exchangehub.catalog.tabular.Table;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk import of catalogue entries from XLSX or CSV (UTF-8 or GBK). Every row is validated completely before
 * anything is written; valid rows become DRAFT entries, rejected rows change nothing and are reported with every
 * reason. Data items are one cell: items separated by ';', each {@code name|type|length|sensitive|code}
 * (e.g. {@code 统一社会信用代码|STRING|18;法定代表人身份证号|STRING|18|是}).
 */
@Service
public class EntryImportService {

    private static final Pattern LIST_SEPARATOR = Pattern.compile("[;；,，]");
    private static final Pattern ITEM_SEPARATOR = Pattern.compile("[;；]");
    private static final Set<String> YES = Set.of("是", "y", "yes", "true", "1", "敏感");

    private final EntryService entries;
    private final DepartmentService departments;
    private final ServiceItemService items;

    public EntryImportService(EntryService entries, DepartmentService departments, ServiceItemService items) {
        this.entries = entries;
        this.departments = departments;
        this.items = items;
    }

    @Transactional
    public ImportReport importEntries(Actor actor, String fileName, InputStream in) {
        Table table = ImportColumns.readRequiring(fileName, in, ImportColumns.ENTRY_REQUIRED);
        List<Parsed> parsed = table.rows().stream().map(r -> parse(actor, r)).toList();
        EntryValidator validator = new EntryValidator(preloaded(parsed));

        List<RowResult> results = new ArrayList<>();
        Map<String, List<Valid>> byClassification = new LinkedHashMap<>();
        for (Parsed p : parsed) {
            List<FieldProblem> problems = new ArrayList<>(p.problems());
            EntryValidator.Result result = validator.validate(p.draft());
            // a cell that could not be parsed is reported once, by the parser, not again as missing
            Set<String> unparsed = new HashSet<>(p.problems().stream().map(FieldProblem::field).toList());
            result.problems().stream().filter(f -> !unparsed.contains(f.field())).forEach(problems::add);
            if (!problems.isEmpty()) {
                results.add(new RowResult(p.row(), Outcome.REJECTED, p.draft().name(), problems));
            } else {
                EntryContent content = result.content().orElseThrow();
                byClassification.computeIfAbsent(content.classificationCode(), k -> new ArrayList<>())
                        .add(new Valid(p.row(), p.draft().departmentCode(), content));
            }
        }
        for (var group : byClassification.entrySet()) {
            List<String> codes = entries.reserveCodes(group.getKey(), group.getValue().size());
            List<EntryService.NewEntry> batch = new ArrayList<>();
            for (int i = 0; i < codes.size(); i++) {
                Valid v = group.getValue().get(i);
                batch.add(new EntryService.NewEntry(v.department(), v.content(), codes.get(i)));
                results.add(new RowResult(v.row(), Outcome.CREATED, codes.get(i), List.of()));
            }
            entries.insertAll(actor, batch);
        }
        results.sort((a, b) -> Integer.compare(a.row(), b.row()));
        return ImportReport.of(results);
    }

    private record Parsed(int row, EntryDraft draft, List<FieldProblem> problems) {
    }

    private record Valid(int row, String department, EntryContent content) {
    }

    private Parsed parse(Actor actor, Row r) {
        List<FieldProblem> problems = new ArrayList<>();
        String department = ImportColumns.DEPARTMENT_CODE.in(r);
        if (department.isEmpty()) {
            department = actor.departmentCode();
        }
        if (department != null && !actor.mayEditFor(department)) {
            problems.add(new FieldProblem("departmentCode", "you may import entries only for your own department "
                    + actor.departmentCode() + ", not " + department));
        }
        List<DataItemDraft> dataItems = new ArrayList<>();
        String cell = ImportColumns.DATA_ITEMS.in(r);
        int i = 0;
        for (String spec : ITEM_SEPARATOR.split(cell)) {
            if (spec.isBlank()) {
                continue;
            }
            String[] f = spec.split("\\|", -1);
            Integer length = null;
            if (f.length > 2 && !f[2].isBlank()) {
                try {
                    length = Integer.valueOf(f[2].strip());
                } catch (NumberFormatException e) {
                    problems.add(new FieldProblem("dataItems[" + i + "].length", "expected a whole number, got '" + f[2].strip() + "'"));
                }
            }
            dataItems.add(new DataItemDraft(f[0].strip(), f.length > 4 ? f[4].strip() : null, f.length > 1 ? term(f[1]) : null,
                    length, f.length > 3 && YES.contains(f[3].strip().toLowerCase()), null));
            i++;
        }
        EntryDraft draft = new EntryDraft(department, term(ImportColumns.RESOURCE_CATEGORY.in(r)),
                ImportColumns.CLASSIFICATION_CODE.in(r), ImportColumns.NAME.in(r), ImportColumns.ABSTRACT.in(r),
                term(ImportColumns.FORMAT.in(r)), term(ImportColumns.SHARE_TYPE.in(r)), ImportColumns.SHARE_CONDITIONS.in(r),
                ImportColumns.LEGAL_BASIS.in(r), term(ImportColumns.SHARE_MODE.in(r)), term(ImportColumns.OPEN_TYPE.in(r)),
                ImportColumns.OPEN_CONDITIONS.in(r), term(ImportColumns.UPDATE_CYCLE.in(r)), dataItems,
                list(ImportColumns.RELATED_ITEMS.in(r)), list(ImportColumns.RELATED_RESOURCES.in(r)));
        return new Parsed(r.rowNumber(), draft, problems);
    }

    /** Looks up every code the file mentions once, instead of once per row. */
    private EntryValidator.References preloaded(List<Parsed> parsed) {
        Set<String> itemCodes = new HashSet<>();
        Set<String> resourceCodes = new HashSet<>();
        Set<String> departmentCodes = new HashSet<>();
        for (Parsed p : parsed) {
            itemCodes.addAll(p.draft().relatedItemCodes());
            resourceCodes.addAll(p.draft().relatedResourceCodes());
            if (p.draft().departmentCode() != null) {
                departmentCodes.add(p.draft().departmentCode());
            }
        }
        Set<String> knownItems = items.known(itemCodes);
        Set<String> knownResources = entries.knownResources(resourceCodes);
        Set<String> knownDepartments = new HashSet<>();
        for (String d : departmentCodes) {
            if (departments.exists(d)) {
                knownDepartments.add(d);
            }
        }
        return new EntryValidator.References() {
            @Override
            public boolean departmentExists(String departmentCode) {
                return knownDepartments.contains(departmentCode);
            }

            @Override
            public Set<String> knownItemCodes(Collection<String> codes) {
                return filter(codes, knownItems);
            }

            @Override
            public Set<String> knownResourceCodes(Collection<String> codes) {
                return filter(codes, knownResources);
            }
        };
    }

    private static Set<String> filter(Collection<String> codes, Set<String> known) {
        Set<String> result = new HashSet<>(codes);
        result.retainAll(known);
        return result;
    }

    private static List<String> list(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return Arrays.stream(LIST_SEPARATOR.split(cell)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}

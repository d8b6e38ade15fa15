package org.exchangehub.hub.console.catalog;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.exchangehub.catalog.Actor;
import org.exchangehub.catalog.PageResult;
import org.exchangehub.catalog.coverage.CoverageReport;
import org.exchangehub.catalog.coverage.CoverageReport.Figures;
import org.exchangehub.catalog.coverage.CoverageReport.UncoveredItem;
import org.exchangehub.catalog.coverage.CoverageReport.UnmountedEntry;
import org.exchangehub.catalog.coverage.CoverageService;
import org.exchangehub.catalog.department.DepartmentService;
import org.exchangehub.hub.catalog.CoverageCache;
import org.exchangehub.hub.console.ConsolePage;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Catalogue coverage (指标20) and mounting (应挂尽挂) overall and per department, with one department's uncovered
 * service items and unmounted published entries listed (all departments' when none is chosen). The department table
 * is small and complete, so it is sorted here; the two lists can be long and page in their queries.
 */
@Controller
public class CatalogCoverageController {

    static final int LIST_SIZE = 20;

    private static final Map<String, Comparator<Figures>> COLUMNS = Map.of(
            "department", Comparator.comparing(Figures::departmentName,
                    Comparator.nullsFirst(org.exchangehub.catalog.text.PinyinOrder.names())),
            "administrativePower", ratio(f -> f.administrativePower().ratio()),
            "publicService", ratio(f -> f.publicService().ratio()),
            "mounted", ratio(Figures::mountedRatio),
            "uncovered", Comparator.comparingLong(CatalogCoverageController::uncovered));

    private final CoverageService coverage;
    private final CoverageCache cache;
    private final DepartmentService departments;
    private final MessageSource messages;
    private final ObjectMapper json;

    public CatalogCoverageController(CoverageService coverage, CoverageCache cache, DepartmentService departments,
                                     MessageSource messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
        this.coverage = coverage;
        this.cache = cache;
        this.departments = departments;
    }

    @GetMapping("/console/catalog/coverage")
    String coverage(Actor actor, @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                    @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                    @RequestParam(required = false) String department, @RequestParam(required = false) Integer itemsPage,
                    @RequestParam(required = false) Integer entriesPage, Model model) {
        CoverageReport report = cache.report(coverage::report);
        ConsolePage<Figures> table = ConsolePage.Request.of(page, size, sort, dir, COLUMNS.keySet(), "uncovered", false)
                .slice(report.departments(), COLUMNS);
        // one's own department first; "all" shows every department's lists
        String chosen = department != null ? ("all".equals(department) ? null : department) : actor.departmentCode();
        PageResult<UncoveredItem> items = coverage.uncoveredItems(chosen, nonNegative(itemsPage), LIST_SIZE);
        PageResult<UnmountedEntry> entries = coverage.unmountedEntries(chosen, nonNegative(entriesPage), LIST_SIZE);
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("chart", CoverageChart.option(table.items(), new CoverageChart.Labels(
                messages.getMessage("catalog.coverage.administrativePower", null, locale),
                messages.getMessage("catalog.coverage.publicService", null, locale),
                messages.getMessage("catalog.coverage.mounted", null, locale),
                messages.getMessage("catalog.coverage.targetLine", null, locale)), json));
        model.addAttribute("overall", report.overall());
        model.addAttribute("table", table);
        model.addAttribute("chosen", chosen);
        model.addAttribute("chosenName", chosen == null ? null
                : departments.find(chosen).map(d -> d.name()).orElse(chosen));
        model.addAttribute("uncoveredItems", items);
        model.addAttribute("unmountedEntries", entries);
        model.addAttribute("listSize", LIST_SIZE);
        model.addAttribute("departmentNames", CatalogSearchController.names(departments));
        return "console/catalog/coverage";
    }

    static long uncovered(Figures f) {
        return f.administrativePower().items() - f.administrativePower().covered()
                + f.publicService().items() - f.publicService().covered();
    }

    private static Comparator<Figures> ratio(Function<Figures, Double> of) {
        return Comparator.comparing(of, Comparator.nullsFirst(Comparator.naturalOrder()));
    }

    private static int nonNegative(Integer page) {
        return page == null || page < 0 ? 0 : page;
    }
}

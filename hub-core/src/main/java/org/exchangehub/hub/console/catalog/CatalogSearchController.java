package org.exchangehub.hub.console.catalog;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.exchangehub.catalog.Actor;
import org.exchangehub.catalog.ErrorCode;
import org.exchangehub.catalog.PageResult;
import org.exchangehub.catalog.RegistryException;
import org.exchangehub.catalog.department.Department;
import org.exchangehub.catalog.department.DepartmentService;
import org.exchangehub.catalog.entry.EntryEnums.ShareType;
import org.exchangehub.catalog.entry.EntryStatus;
import org.exchangehub.catalog.search.EntrySearch;
import org.exchangehub.catalog.search.EntrySummary;
import org.exchangehub.catalog.search.SearchCriteria;
import org.exchangehub.hub.console.ConsoleErrors;
import org.exchangehub.hub.console.ConsolePage;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The catalogue's search page: Chinese full-text search with filters, paged and sorted in the query. An htmx request
 * (the search box as one types) gets only the results table back; the page works as a plain GET form too.
 */
@Controller
public class CatalogSearchController {

    static final Set<String> SORTS = Set.copyOf(SearchCriteria.SORTS);

    private final EntrySearch search;
    private final DepartmentService departments;
    private final MessageSource messages;

    public CatalogSearchController(EntrySearch search, DepartmentService departments, MessageSource messages) {
        this.messages = messages;
        this.search = search;
        this.departments = departments;
    }

    @GetMapping({"/console/catalog", "/console/catalog/"})
    String search(Actor actor, @RequestParam(required = false) String q, @RequestParam(required = false) String department,
                  @RequestParam(required = false) String shareType, @RequestParam(required = false) String status,
                  @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                  @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                  HttpServletRequest request, Model model) {
        boolean text = q != null && !q.isBlank();
        // best match first when there is text to match; without, the most recently changed first
        ConsolePage.Request asked = ConsolePage.Request.of(page, size, sort, dir, SORTS, text ? "relevance" : "updated", false);
        ConsolePage<EntrySummary> results;
        boolean exact = true;
        try {
            PageResult<EntrySummary> found = search.search(actor, new SearchCriteria(q, department, null, shareType, status,
                    asked.page(), asked.size(), asked.sort(), asked.ascending()));
            results = asked.of(found.items(), found.total());
            exact = found.totalExact();
        } catch (RegistryException e) {
            if (e.code() != ErrorCode.VALIDATION_FAILED) {
                throw e;
            }
            model.addAttribute("problems", ProblemMessages.localize(e.fieldProblems(), messages, LocaleContextHolder.getLocale()));
            results = asked.of(List.of(), 0);
        }
        model.addAttribute("results", results);
        model.addAttribute("totalExact", exact);
        model.addAttribute("departmentNames", names(departments));
        model.addAttribute("departments", departments.list());
        model.addAttribute("shareTypes", ShareType.values());
        model.addAttribute("statuses", EntryStatus.values());
        model.addAttribute("q", q);
        model.addAttribute("department", department);
        model.addAttribute("shareType", shareType);
        model.addAttribute("status", status);
        // htmx restoring a page from history (back button, cache miss) wants the whole page, not the results
        boolean fragment = ConsoleErrors.isHtmx(request) && !"true".equals(request.getHeader("HX-History-Restore-Request"));
        return fragment ? "console/catalog/search :: results" : "console/catalog/search";
    }

    /** Department code → name, for tables that show departments by name. */
    static Map<String, String> names(DepartmentService departments) {
        return departments.list().stream().collect(Collectors.toMap(Department::code, Department::name, (a, b) -> a));
    }
}

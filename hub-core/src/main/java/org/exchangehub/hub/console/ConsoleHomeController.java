package org.exchangehub.hub.console;

import java.util.List;

import org.exchangehub.catalog.Actor;
import org.exchangehub.catalog.Role;
import org.exchangehub.catalog.coverage.CoverageReport;
import org.exchangehub.catalog.coverage.CoverageService;
import org.exchangehub.catalog.grant.SharingService;
import org.exchangehub.catalog.search.EntrySearch;
import org.exchangehub.catalog.search.SearchCriteria;
import org.exchangehub.hub.catalog.CoverageCache;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's first page: the work waiting for this user, and where each part of the hub is. */
@Controller
public class ConsoleHomeController {

    private final CoverageService coverage;
    private final CoverageCache coverageCache;
    private final EntrySearch search;
    private final SharingService sharing;

    public ConsoleHomeController(CoverageService coverage, CoverageCache coverageCache, EntrySearch search,
                                 SharingService sharing) {
        this.coverage = coverage;
        this.coverageCache = coverageCache;
        this.search = search;
        this.sharing = sharing;
    }

    @GetMapping({"/console", "/console/"})
    String home(Actor actor, Model model) {
        CoverageReport report = coverageCache.report(coverage::report);
        CoverageReport.Figures mine = actor.departmentCode() == null ? null : report.departments().stream()
                .filter(f -> actor.departmentCode().equals(f.departmentCode())).findFirst().orElse(null);
        model.addAttribute("coverage", mine != null ? mine : report.overall());
        model.addAttribute("coverageIsDepartment", mine != null);
        model.addAttribute("uncovered", actor.departmentCode() == null ? List.of()
                : coverage.uncoveredItems(actor.departmentCode()));
        if (actor.has(Role.REVIEWER) || actor.isAdmin()) {
            model.addAttribute("awaitingReview",
                    search.search(actor, new SearchCriteria(null, null, null, null, "SUBMITTED", 0, 1)).total());
            model.addAttribute("pendingRequests", sharing.requests(actor, "PENDING").size());
        }
        return "console/home";
    }
}

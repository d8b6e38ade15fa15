package org.exchangehub.hub.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.exchangehub.catalog.Actor;
import org.exchangehub.catalog.coverage.CoverageReport;
import org.exchangehub.catalog.coverage.CoverageReport.UncoveredItem;
import org.exchangehub.catalog.coverage.CoverageReport.UnmountedEntry;
import org.exchangehub.catalog.coverage.CoverageService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Catalogue coverage of service items (指标20) and mounting of published entries (应挂尽挂). */
@RestController
@RequestMapping("/api/catalog/coverage")
@Tag(name = "Coverage", description = "Catalogue coverage of service items and mounting of published entries")
public class CoverageController {

    private final CoverageService coverage;
    private final CoverageCache cache;

    public CoverageController(CoverageService coverage, CoverageCache cache) {
        this.coverage = coverage;
        this.cache = cache;
    }

    @GetMapping
    @Operation(summary = "Coverage overall and per department: ADMINISTRATIVE_POWER and PUBLIC_SERVICE items covered, entries mounted")
    public CoverageReport report(Actor actor) {
        return cache.report(coverage::report);
    }

    @GetMapping("/uncovered-items")
    @Operation(summary = "Service items no published entry covers yet")
    public List<UncoveredItem> uncovered(Actor actor, @RequestParam(required = false) String department) {
        return coverage.uncoveredItems(department);
    }

    @GetMapping("/unmounted-entries")
    @Operation(summary = "Published entries with no mounted resource")
    public List<UnmountedEntry> unmounted(Actor actor, @RequestParam(required = false) String department) {
        return coverage.unmountedEntries(department);
    }
}

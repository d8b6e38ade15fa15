package org.exchangehub.hub.console.indicators;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.exchangehub.catalog.Actor;
import org.exchangehub.catalog.BureauCalendar;
import org.exchangehub.catalog.calls.CallLog;
import org.exchangehub.catalog.coverage.CoverageReport;
import org.exchangehub.catalog.coverage.CoverageService;
import org.exchangehub.hub.catalog.CoverageCache;
import org.exchangehub.hub.console.indicators.IndicatorsReport.DepartmentRow;
import org.exchangehub.hub.console.indicators.IndicatorsReport.Figure;
import org.exchangehub.hub.console.indicators.IndicatorsReport.SsoRow;
import org.exchangehub.hub.sso.ConnectedSystem;
import org.exchangehub.hub.sso.ConnectedSystems;
import org.exchangehub.hub.sso.SsoHealthCheck;
import org.exchangehub.returnflow.completeness.DepartmentIndicators;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Gathers the evaluation indicators from where each is computed: coverage and mounting (CoverageService), interfaces
 * called (the call log), the return flow's pass rate, timeliness, item association and overdue cases, and the single
 * sign-on checks. An admin sees every department; anyone else only their own department, and the single sign-on
 * figures (hub-wide, not a department's) only an admin.
 */
@Service
public class IndicatorsService {

    /** The return-flow period: the last 30 days up to today. */
    static final int PERIOD_DAYS = 30;

    private final CoverageService coverage;
    private final CoverageCache coverageCache;
    private final CallLog callLog;
    private final DepartmentIndicators returnFlow;
    private final ConnectedSystems systems;
    private final ObjectProvider<SsoHealthCheck> ssoHealth;

    public IndicatorsService(CoverageService coverage, CoverageCache coverageCache, CallLog callLog, DepartmentIndicators returnFlow,
                             ConnectedSystems systems, ObjectProvider<SsoHealthCheck> ssoHealth) {
        this.coverage = coverage;
        this.coverageCache = coverageCache;
        this.callLog = callLog;
        this.returnFlow = returnFlow;
        this.systems = systems;
        this.ssoHealth = ssoHealth;
    }

    public IndicatorsReport report(Actor actor) {
        LocalDate to = BureauCalendar.today();
        LocalDate from = to.minusDays(PERIOD_DAYS - 1);
        YearMonth month = YearMonth.from(to);
        CoverageReport cover = coverageCache.report(coverage::report);
        Map<String, CallLog.GrantsCalled> calls = callLog.grantsCalledByDepartment();
        Map<String, DepartmentIndicators.Figures> flow = returnFlow.figures(from, to, month);
        List<DepartmentRow> rows = new ArrayList<>();
        for (CoverageReport.Figures c : cover.departments()) {
            if (!actor.isAdmin() && !c.departmentCode().equals(actor.departmentCode())) {
                continue;
            }
            rows.add(row(c, calls.get(c.departmentCode()), flow.get(c.departmentCode())));
        }
        return new IndicatorsReport(from, to, month, rows, actor.isAdmin() ? sso() : null);
    }

    static DepartmentRow row(CoverageReport.Figures c, CallLog.GrantsCalled calls, DepartmentIndicators.Figures flow) {
        Map<Indicator, Figure> f = new EnumMap<>(Indicator.class);
        f.put(Indicator.COVERAGE_ADMINISTRATIVE_POWER, Figure.ratio(Indicator.COVERAGE_ADMINISTRATIVE_POWER,
                c.administrativePower().covered(), c.administrativePower().items()));
        f.put(Indicator.COVERAGE_PUBLIC_SERVICE, Figure.ratio(Indicator.COVERAGE_PUBLIC_SERVICE,
                c.publicService().covered(), c.publicService().items()));
        f.put(Indicator.MOUNTED, Figure.ratio(Indicator.MOUNTED, c.mountedEntries(), c.publishedEntries()));
        f.put(Indicator.INTERFACES_CALLED, calls == null ? Figure.ratio(Indicator.INTERFACES_CALLED, 0, 0)
                : Figure.ratio(Indicator.INTERFACES_CALLED, calls.calledGrants(), calls.activeGrants()));
        DepartmentIndicators.Figures r = flow == null ? new DepartmentIndicators.Figures(c.departmentCode(), 0, 0, 0, 0, 0, 0, 0) : flow;
        f.put(Indicator.RETURN_FLOW_PASS_RATE, Figure.ratio(Indicator.RETURN_FLOW_PASS_RATE, r.passed(), r.received()));
        f.put(Indicator.RETURN_FLOW_TIMELY, Figure.ratio(Indicator.RETURN_FLOW_TIMELY, r.timely(), r.completed()));
        f.put(Indicator.ITEM_ASSOCIATION, Figure.ratio(Indicator.ITEM_ASSOCIATION, r.itemsWithCase(), r.items()));
        // a department that sent no case back in the period has no overdue figure, not a perfect one
        boolean anyCases = r.received() > 0 || r.completed() > 0 || r.overdue() > 0;
        f.put(Indicator.OVERDUE, Figure.count(Indicator.OVERDUE, anyCases ? r.overdue() : null));
        return new DepartmentRow(c.departmentCode(), c.departmentName(), f);
    }

    private List<SsoRow> sso() {
        SsoHealthCheck check = ssoHealth.getIfAvailable();
        if (check == null) {
            return null;
        }
        Map<String, SsoHealthCheck.Result> results = new java.util.HashMap<>();
        check.results().forEach(r -> results.put(r.systemId(), r));
        List<SsoRow> rows = new ArrayList<>();
        for (ConnectedSystem s : systems.all()) {
            SsoHealthCheck.Result r = results.get(s.id());
            rows.add(r == null || r.checks() == 0 ? new SsoRow(s.id(), s.name(), null, null, null, null)
                    : new SsoRow(s.id(), s.name(), r.checks(), r.availability(), r.up(), r.checkedAt()));
        }
        return rows;
    }
}

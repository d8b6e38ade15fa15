package org.exchangehub.hub.console.returnflow;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.exchangehub.catalog.Actor;
import org.exchangehub.catalog.BureauCalendar;
import org.exchangehub.catalog.FieldProblem;
import org.exchangehub.catalog.PageResult;
import org.exchangehub.catalog.RegistryException;
import org.exchangehub.hub.console.ConsolePage;
import org.exchangehub.hub.returnflow.SourceAccess;
import org.exchangehub.returnflow.completeness.CompletenessReports;
import org.exchangehub.returnflow.completeness.CompletenessReports.DailyCounts;
import org.exchangehub.returnflow.completeness.CompletenessReports.DelayDistribution;
import org.exchangehub.returnflow.completeness.CompletenessReports.OverdueCase;
import org.exchangehub.returnflow.completeness.CompletenessReports.Reconciliation;
import org.exchangehub.returnflow.quality.QualityRule;
import org.exchangehub.returnflow.quality.Reason;
import org.exchangehub.returnflow.source.CaseSource;
import org.exchangehub.returnflow.store.CaseQueries;
import org.exchangehub.returnflow.store.CaseQueries.FailureOrder;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The return flow in the console: a day per source (received, passed, failed, duplicates, forwarded, missing against
 * the manifest), 30 days per source as a chart, the rules that failed with examples, the delay from completion to
 * arrival, overdue cases, item association for the month; and a source's failures down to one record and its
 * reasons. Admins see every source; a department's editors the sources of their department ({@link SourceAccess}).
 */
@Controller
@RequestMapping("/console/return-flow")
public class ReturnFlowConsoleController {

    static final int CHART_DAYS = 30;
    static final int EXAMPLES_PER_RULE = 2;
    static final int OVERDUE_SHOWN = 20;
    static final int UNASSOCIATED_SHOWN = 10;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Map<String, FailureOrder> FAILURE_COLUMNS = Map.of("receivedAt", FailureOrder.RECEIVED_AT,
            "firstReceivedAt", FailureOrder.FIRST_RECEIVED_AT, "caseNumber", FailureOrder.CASE_NUMBER,
            "attempts", FailureOrder.ATTEMPTS, "id", FailureOrder.ID);

    private final SourceAccess access;
    private final CompletenessReports reports;
    private final CaseQueries queries;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final PayloadMasking masking;

    public ReturnFlowConsoleController(SourceAccess access, CompletenessReports reports, CaseQueries queries,
                                       MessageSource messages, ObjectMapper json) {
        this.access = access;
        this.reports = reports;
        this.queries = queries;
        this.messages = messages;
        this.json = json;
        this.masking = new PayloadMasking(json);
    }

    /** A source's day as its row shows it. {@code manifest} false: the source declared nothing, missing is unknown. */
    public record SourceRow(String id, String description, String departmentCode, String channel, long received,
                            long passed, long failed, long duplicates, long forwarded, long pending, long overdue,
                            Reconciliation reconciliation, String passRate, String chart, List<RuleRow> rules) {

        public boolean hasManifest() {
            return reconciliation != null && reconciliation.manifest();
        }
    }

    public record RuleRow(String code, String title, long failures, List<CaseQueries.Example> examples) {
    }

    public record OverdueRow(String sourceId, String caseNumber, String itemCode, String departmentCode, String card,
                             int workingDaysLate, String acceptedAt, String completedAt) {
    }

    @GetMapping({"", "/"})
    String overview(Actor actor, @RequestParam(required = false) String day, Model model, Locale locale) {
        LocalDate today = BureauCalendar.today();
        LocalDate parsed = today;
        List<FieldProblem> problems = new ArrayList<>();
        if (day != null && !day.isBlank()) {
            try {
                parsed = LocalDate.parse(day.trim());
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem("day", messages.getMessage("returnflow.day.invalid", new Object[] {day}, locale)));
            }
        }
        LocalDate shown = parsed;
        model.addAttribute("problems", problems);
        List<CaseSource> sources = access.visibleSources(actor);
        List<String> ids = sources.stream().map(CaseSource::id).toList();
        LocalDate from = shown.minusDays(CHART_DAYS - 1);

        var statistics = actor.isAdmin() ? List.of(reports.statistics(shown, shown, null))
                : ids.stream().map(id -> reports.statistics(shown, shown, id)).toList();
        Map<String, CompletenessReports.SourceDay> dayBySource = new HashMap<>();
        Map<String, long[]> forwardsBySource = new HashMap<>();
        for (var s : statistics) {
            s.sources().forEach(d -> dayBySource.put(d.sourceId(), d));
            s.departments().forEach(d -> {
                long[] f = forwardsBySource.computeIfAbsent(d.sourceId(), k -> new long[3]);
                f[0] += d.forwarded();
                f[1] += d.forwardPending();
                f[2] += d.overdue();
            });
        }
        List<DailyCounts> series = reports.dailyCounts(from, shown, ids);
        ReturnFlowCharts.Labels labels = new ReturnFlowCharts.Labels(text("returnflow.received", locale),
                text("returnflow.passed", locale), text("returnflow.failed", locale));
        List<SourceRow> rows = new ArrayList<>();
        long[] totals = new long[6];
        for (CaseSource source : sources) {
            var d = dayBySource.get(source.id());
            long[] f = forwardsBySource.getOrDefault(source.id(), new long[3]);
            long received = d == null ? 0 : d.received();
            long passed = d == null ? 0 : d.passed();
            long failed = d == null ? 0 : d.failed();
            Reconciliation reconciliation = d != null ? d.reconciliation() : null;
            List<RuleRow> rules = queries.failingRules(source.id(), shown, EXAMPLES_PER_RULE).stream()
                    .map(r -> new RuleRow(r.rule(), ruleTitle(r.rule(), locale), r.failures(), r.examples())).toList();
            rows.add(new SourceRow(source.id(), source.description(), source.departmentCode(), source.channel().name(),
                    received, passed, failed, d == null ? 0 : d.duplicates(), f[0], f[1], f[2], reconciliation,
                    rate(passed, passed + failed, locale), write(ReturnFlowCharts.daily(source.id(), from, shown, series, labels)),
                    rules));
            totals[0] += received;
            totals[1] += passed;
            totals[2] += failed;
            totals[3] += f[0];
            totals[4] += f[1];
            totals[5] += reconciliation != null && reconciliation.manifest() ? reconciliation.missingCount() : 0;
        }
        model.addAttribute("day", shown);
        model.addAttribute("today", today);
        model.addAttribute("from", from);
        model.addAttribute("previousDay", shown.minusDays(1));
        model.addAttribute("nextDay", shown.isBefore(today) ? shown.plusDays(1) : null);
        model.addAttribute("sources", rows);
        model.addAttribute("totals", totals);
        model.addAttribute("passRate", rate(totals[1], totals[1] + totals[2], locale));

        DelayDistribution delays = reports.delays(from, shown, ids);
        List<String> bucketLabels = new ArrayList<>();
        for (int i = 0; i < delays.buckets().size(); i++) {
            bucketLabels.add(text("returnflow.delay.bucket." + i, locale));
        }
        model.addAttribute("delays", delays);
        model.addAttribute("delayP50", duration(delays.p50Seconds(), locale));
        model.addAttribute("delayP95", duration(delays.p95Seconds(), locale));
        model.addAttribute("delayChart", write(ReturnFlowCharts.histogram(bucketLabels, delays.buckets(),
                text("returnflow.delay.cases", locale))));

        List<OverdueCase> overdue = new ArrayList<>();
        Map<String, Long> cards = new LinkedHashMap<>();
        cards.put("RED", 0L);
        cards.put("YELLOW", 0L);
        for (var report : actor.isAdmin() ? List.of(reports.overdue(from, shown, null))
                : ids.stream().map(id -> reports.overdue(from, shown, id)).toList()) {
            overdue.addAll(report.cases());
            report.counts().forEach(c -> cards.merge(c.card(), c.cases(), Long::sum));
        }
        model.addAttribute("overdueCards", cards);
        model.addAttribute("overdue", overdue.stream()
                .sorted(Comparator.comparingInt(OverdueCase::workingDaysLate).reversed().thenComparing(OverdueCase::caseNumber))
                .limit(OVERDUE_SHOWN)
                .map(o -> new OverdueRow(o.sourceId(), o.caseNumber(), o.itemCode(), o.departmentCode(), o.card(),
                        o.workingDaysLate(), time(o.acceptedAt()), time(o.completedAt())))
                .toList());
        // item association counts every service item of the city: an overall view, for admins (as in the API)
        if (actor.isAdmin()) {
            model.addAttribute("association", reports.itemAssociation(YearMonth.from(shown)));
            model.addAttribute("unassociatedShown", UNASSOCIATED_SHOWN);
        }
        return "console/returnflow/overview";
    }

    public record FailureRow(long id, String caseNumber, List<String> rules, String message, int attempts,
                             String firstReceivedAt, String receivedAt, boolean open) {
    }

    @GetMapping("/sources/{source}/failures")
    String failures(Actor actor, @PathVariable String source, @RequestParam(defaultValue = "open") String status,
                    @RequestParam(required = false) String rule, @RequestParam(required = false) String day,
                    @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                    @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                    Model model, Locale locale) {
        CaseSource caseSource = access.requireSourceActor(actor, source);
        List<FieldProblem> problems = new ArrayList<>();
        Boolean open = switch (status) {
            case "resolved" -> Boolean.FALSE;
            case "all" -> null;
            default -> Boolean.TRUE;
        };
        String ruleCode = rule == null || rule.isBlank() ? null : rule.trim();
        if (ruleCode != null && java.util.Arrays.stream(QualityRule.values()).noneMatch(r -> r.code().equals(ruleCode))) {
            problems.add(new FieldProblem("rule", text("returnflow.failures.ruleUnknown", locale)));
        }
        LocalDate onDay = null;
        if (day != null && !day.isBlank()) {
            try {
                onDay = LocalDate.parse(day.trim());
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem("day", messages.getMessage("returnflow.day.invalid", new Object[] {day}, locale)));
            }
        }
        ConsolePage.Request request = ConsolePage.Request.of(page, size, sort, dir, FAILURE_COLUMNS.keySet(), "receivedAt", false);
        PageResult<CaseQueries.Failure> found = problems.isEmpty()
                ? queries.failures(source, open, ruleCode, onDay, FAILURE_COLUMNS.get(request.sort()), request.ascending(),
                        request.page(), request.size())
                : new PageResult<>(List.of(), 0, request.size(), 0);
        boolean english = "en".equals(locale.getLanguage());
        List<FailureRow> rows = found.items().stream().map(f -> new FailureRow(f.id(), f.caseNumber(),
                f.reasons().stream().map(Reason::rule).distinct().toList(),
                f.reasons().isEmpty() ? "" : PayloadMasking.mask(english ? f.reasons().get(0).en() : f.reasons().get(0).zh()),
                f.attempts(), time(f.firstReceivedAt()), time(f.receivedAt()), f.resolvedAt() == null)).toList();
        model.addAttribute("source", caseSource);
        model.addAttribute("sources", access.visibleSources(actor));
        model.addAttribute("status", open == null ? "all" : open ? "open" : "resolved");
        model.addAttribute("rule", ruleCode);
        model.addAttribute("day", day);
        model.addAttribute("rules", java.util.Arrays.stream(QualityRule.values()).filter(QualityRule::rejects)
                .map(r -> new RuleRow(r.code(), ruleTitle(r.code(), locale), 0, List.of())).toList());
        model.addAttribute("problems", problems);
        model.addAttribute("page", request.of(rows, found.total()));
        return "console/returnflow/failures";
    }

    public record ReasonRow(String rule, String title, String field, String message) {
    }

    @GetMapping("/sources/{source}/failures/{id}")
    String failure(Actor actor, @PathVariable String source, @PathVariable long id, Model model, Locale locale) {
        CaseSource caseSource = access.requireSourceActor(actor, source);
        CaseQueries.Failure f = queries.failure(source, id);
        boolean english = "en".equals(locale.getLanguage());
        model.addAttribute("source", caseSource);
        model.addAttribute("sources", access.visibleSources(actor));
        model.addAttribute("failure", f);
        model.addAttribute("firstReceivedAt", time(f.firstReceivedAt()));
        model.addAttribute("receivedAt", time(f.receivedAt()));
        model.addAttribute("resolvedAt", time(f.resolvedAt()));
        model.addAttribute("reasons", f.reasons().stream().map(r -> new ReasonRow(r.rule(), ruleTitle(r.rule(), locale),
                r.field(), PayloadMasking.mask(english ? r.en() : r.zh()))).toList());
        model.addAttribute("raw", masking.show(f.raw()));
        model.addAttribute("mapped", f.mapped() == null ? null : masking.show((Object) f.mapped()));
        model.addAttribute("origin", f.origin() == null ? null : masking.show((Object) f.origin()));
        return "console/returnflow/failure";
    }

    private String ruleTitle(String code, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        return java.util.Arrays.stream(QualityRule.values()).filter(r -> r.code().equals(code)).findFirst()
                .map(r -> english ? r.en() : r.zh()).orElse(code);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static String rate(long part, long whole, Locale locale) {
        return whole == 0 ? "—" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    /** A delay for people: minutes under an hour, hours under two days, days beyond. */
    String duration(Double seconds, Locale locale) {
        if (seconds == null) {
            return "—";
        }
        double s = seconds;
        if (s < 3_600) {
            return messages.getMessage("returnflow.duration.minutes", new Object[] {String.format(Locale.ROOT, "%.0f", s / 60)}, locale);
        }
        if (s < 2 * 86_400) {
            return messages.getMessage("returnflow.duration.hours", new Object[] {String.format(Locale.ROOT, "%.1f", s / 3_600)}, locale);
        }
        return messages.getMessage("returnflow.duration.days", new Object[] {String.format(Locale.ROOT, "%.1f", s / 86_400)}, locale);
    }

    static String time(OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(BureauCalendar.ZONE).format(TIME);
    }

    private String write(Map<String, Object> option) {
        try {
            return json.writeValueAsString(option);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A chart option that is not JSON", e);
        }
    }
}

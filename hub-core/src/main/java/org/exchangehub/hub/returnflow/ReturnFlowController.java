package org.exchangehub.hub.returnflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exchangehub.catalog.Actor;
import org.exchangehub.catalog.BureauCalendar;
import org.exchangehub.catalog.FieldProblem;
import org.exchangehub.catalog.PageResult;
import org.exchangehub.catalog.RegistryException;
import org.exchangehub.returnflow.completeness.CompletenessReports;
import org.exchangehub.returnflow.completeness.Manifest;
import org.exchangehub.returnflow.completeness.Manifests;
import org.exchangehub.returnflow.intake.CaseIntake;
import org.exchangehub.returnflow.intake.IntakeReport;
import org.exchangehub.returnflow.quality.QualityRule;
import org.exchangehub.returnflow.record.IncomingRecord;

import org.exchangehub.returnflow.source.CaseSources;
import org.exchangehub.returnflow.store.CaseQueries;
import org.exchangehub.returnflow.store.Outcome;
import org.exchangehub.returnflow.store.RecordOutcome;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The case return flow over HTTP: a source's batch endpoint, failures, cases and manifests; the admin's views. */
@RestController
@RequestMapping("/api/return-flow")
@Tag(name = "Return flow", description = "Case records (办件) sent back by vertical and self-built systems: intake, failures, "
        + "manifests, completeness, statistics")
public class ReturnFlowController {

    static final int MAX_BATCH = 5000;

    private final CaseIntake intake;
    private final CaseSources sources;
    private final CaseQueries queries;
    private final Manifests manifests;
    private final CompletenessReports reports;
    private final SourceAccess access;
    private final ObjectMapper json;

    public ReturnFlowController(CaseIntake intake, CaseSources sources, CaseQueries queries, Manifests manifests,
                                CompletenessReports reports, SourceAccess access, ObjectMapper json) {
        this.intake = intake;
        this.sources = sources;
        this.queries = queries;
        this.manifests = manifests;
        this.reports = reports;
        this.access = access;
        this.json = json;
    }

    public record SourceView(String id, String description, String channel, String mapping, String departmentCode,
                             List<String> requiredFields, List<String> disabledRules) {
    }

    @GetMapping("/sources")
    @Operation(summary = "Admin: the configured sources with their channel, mapping and rule set")
    public List<SourceView> sources(Actor actor) {
        access.requireAdmin(actor);
        return sources.all().stream().map(s -> new SourceView(s.id(), s.description(), s.channel().name(), s.mapping().name(),
                s.departmentCode(), s.quality().requiredFields(), s.quality().disabledRules().stream().map(Enum::name).sorted().toList()))
                .toList();
    }

    public record RuleView(String code, String zh, String en, boolean rejects) {
    }

    @GetMapping("/rules")
    @Operation(summary = "The quality rules: code, Chinese and English title, whether a failure rejects the record")
    public List<RuleView> rules() {
        return java.util.Arrays.stream(QualityRule.values()).map(r -> new RuleView(r.code(), r.zh(), r.en(), r.rejects())).toList();
    }

    public record BatchAnswer(String source, int received, long stored, long duplicates, long failed, List<RecordOutcome> results) {
    }

    @PostMapping(path = "/sources/{source}/records", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A source's batch of case records: a JSON array, at most 5000; one result per record (stored, "
            + "duplicate, or failed with every reason). Fix a failed record and send it again.")
    public BatchAnswer receive(Actor actor, @PathVariable String source, @RequestBody String body) {
        access.requireSourceActor(actor, source);
        JsonNode array;
        try {
            array = json.readTree(body);
        } catch (Exception e) {
            throw RegistryException.invalid(List.of(new FieldProblem("body", "expected a JSON array of case records, but the body is not JSON")));
        }
        if (array == null || !array.isArray()) {
            throw RegistryException.invalid(List.of(new FieldProblem("body", "expected a JSON array of case records, got "
                    + (array == null ? "nothing" : array.getNodeType().name().toLowerCase()))));
        }
        if (array.size() > MAX_BATCH) {
            throw RegistryException.invalid(List.of(new FieldProblem("body", "expected at most " + MAX_BATCH
                    + " records per batch, got " + array.size() + "; split the batch")));
        }
        List<IncomingRecord> records = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            Map<String, Object> origin = new LinkedHashMap<>();
            origin.put("channel", "http");
            origin.put("index", i);
            origin.put("by", actor.clientId() != null ? actor.clientId() : actor.username());
            records.add(element.isObject() ? IncomingRecord.of(element.toString(), element, origin)
                    : IncomingRecord.unreadable(element.toString(), "expected a JSON object, got " + element.getNodeType().name().toLowerCase(), origin));
        }
        IntakeReport report = intake.receive(source, records);
        return new BatchAnswer(source, records.size(), report.outcomes().stream().filter(o -> o.outcome().stored()).count(),
                report.count(Outcome.DUPLICATE), report.count(Outcome.FAILED), report.outcomes());
    }

    @GetMapping("/sources/{source}/failures")
    @Operation(summary = "A source's failed records, newest first, with the record as received and every reason; status open "
            + "(default), resolved or all; rule: only failures of this rule")
    public PageResult<CaseQueries.Failure> failures(Actor actor, @PathVariable String source,
                                                     @RequestParam(defaultValue = "open") String status,
                                                     @RequestParam(required = false) String rule,
                                                     @RequestParam(defaultValue = "0") int page,
                                                     @RequestParam(defaultValue = "50") int size) {
        access.requireSourceActor(actor, source);
        Boolean open = switch (status) {
            case "open" -> Boolean.TRUE;
            case "resolved" -> Boolean.FALSE;
            case "all" -> null;
            default -> throw RegistryException.invalid(List.of(new FieldProblem("status", "expected open, resolved or all, got '" + status + "'")));
        };
        if (size < 1 || size > 500 || page < 0) {
            throw RegistryException.invalid(List.of(new FieldProblem("size", "expected page ≥ 0 and size 1 to 500")));
        }
        return queries.failures(source, open, rule, page, size);
    }

    @GetMapping("/sources/{source}/failures/{id}")
    @Operation(summary = "One failed record of a source")
    public CaseQueries.Failure failure(Actor actor, @PathVariable String source, @PathVariable long id) {
        access.requireSourceActor(actor, source);
        return queries.failure(source, id);
    }

    @GetMapping("/sources/{source}/cases/{caseNumber}")
    @Operation(summary = "One case of a source: its latest version, every version received and its failures")
    public CaseQueries.CaseView caseView(Actor actor, @PathVariable String source, @PathVariable String caseNumber) {
        access.requireSourceActor(actor, source);
        return queries.caseView(source, caseNumber);
    }

    public record ManifestBody(LocalDate day, List<String> caseNumbers, Integer count) {
    }

    public record ManifestAnswer(String source, LocalDate day, int declared, CompletenessReports.Reconciliation reconciliation) {
    }

    @PostMapping("/sources/{source}/manifests")
    @Operation(summary = "A source declares what it sent on a day: the case numbers, or a count. Sent again, it replaces the "
            + "day's manifest. Answers with the reconciliation as it stands.")
    public ManifestAnswer manifest(Actor actor, @PathVariable String source, @RequestBody ManifestBody body) {
        access.requireSourceActor(actor, source);
        int declared = manifests.record(new Manifest(source, body.day(), body.caseNumbers(), body.count()));
        return new ManifestAnswer(source, body.day(), declared, reports.reconcile(source, body.day()));
    }

    @GetMapping("/sources/{source}/reconciliation")
    @Operation(summary = "A source's day against its manifest: missing and unexpected case numbers; default today")
    public CompletenessReports.Reconciliation reconciliation(Actor actor, @PathVariable String source,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        access.requireSourceActor(actor, source);
        return reports.reconcile(source, day == null ? BureauCalendar.today() : day);
    }

    @GetMapping("/statistics")
    @Operation(summary = "Admin: per source, department and day received, passed, failed (by rule), duplicates, forwarded, "
            + "pending, overdue, p50/p95 delay from completion to arrival; per source and day the reconciliation. Default today")
    public CompletenessReports.Statistics statistics(Actor actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String source) {
        access.requireAdmin(actor);
        LocalDate today = BureauCalendar.today();
        return reports.statistics(from == null ? today : from, to == null ? today : to, source);
    }

    @GetMapping("/item-association")
    @Operation(summary = "Admin: per item category the share of service items with at least one case in the month "
            + "(指标36–38, target 70%); default this month, e.g. month=2026-11")
    public CompletenessReports.ItemAssociation itemAssociation(Actor actor, @RequestParam(required = false) String month) {
        access.requireAdmin(actor);
        YearMonth m;
        try {
            m = month == null ? YearMonth.now(BureauCalendar.ZONE) : YearMonth.parse(month);
        } catch (java.time.format.DateTimeParseException e) {
            throw RegistryException.invalid(List.of(new FieldProblem("month", "expected a month as yyyy-MM, e.g. 2026-11, got '" + month + "'")));
        }
        return reports.itemAssociation(m);
    }

    @GetMapping("/overdue")
    @Operation(summary = "Admin: cases completed after their deadline in the period, by source, department and card "
            + "(YELLOW past the committed deadline, RED past the legal one; 指标3); default the last 30 days")
    public CompletenessReports.OverdueReport overdue(Actor actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String source) {
        access.requireAdmin(actor);
        LocalDate today = BureauCalendar.today();
        return reports.overdue(from == null ? today.minusDays(29) : from, to == null ? today : to, source);
    }

}

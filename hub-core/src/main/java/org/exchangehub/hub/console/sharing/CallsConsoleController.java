package org.exchangehub.hub.console.sharing;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.exchangehub.catalog.Actor;
import org.exchangehub.catalog.BureauCalendar;
import org.exchangehub.catalog.FieldProblem;
import org.exchangehub.catalog.PageResult;
import org.exchangehub.catalog.RegistryException;
import org.exchangehub.catalog.calls.CallLog;
import org.exchangehub.catalog.calls.CallLog.DayTotal;
import org.exchangehub.catalog.calls.CallLog.GrantUsage;
import org.exchangehub.hub.console.ConsolePage;
import org.exchangehub.hub.gateway.ConnectorProperties;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The use of shared interfaces from the call log: calls per day, per grant (its entry and consuming system) over a
 * period, the grants nobody has called (指标21) and, for admins, the national interfaces granted versus called.
 * Each user sees the grants the sharing rules let them see.
 */
@Controller
public class CallsConsoleController {

    static final int LONGEST_PERIOD_DAYS = 366;

    private final CallLog callLog;
    private final ConnectorProperties connectors;
    private final ObjectMapper json;
    private final MessageSource messages;

    public CallsConsoleController(CallLog callLog, ConnectorProperties connectors, ObjectMapper json, MessageSource messages) {
        this.callLog = callLog;
        this.connectors = connectors;
        this.json = json;
        this.messages = messages;
    }

    @GetMapping("/console/sharing/calls")
    String calls(Actor actor,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                 @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                 @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                 java.util.Locale locale, Model model) throws JsonProcessingException {
        LocalDate today = BureauCalendar.today();
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null ? end.minusDays(29) : from;
        if (start.isAfter(end) || ChronoUnit.DAYS.between(start, end) >= LONGEST_PERIOD_DAYS) {
            throw RegistryException.invalid(List.of(new FieldProblem("from", "expected from ≤ to and at most "
                    + LONGEST_PERIOD_DAYS + " days, got " + start + " – " + end)));
        }
        ConsolePage.Request r = ConsolePage.Request.of(page, size, sort, dir, CallLog.USAGE_SORTS, "calls", false);
        PageResult<GrantUsage> usage = callLog.grantUsage(actor, start, end, r.sort(), r.ascending(), r.page(), r.size());
        List<DayTotal> days = callLog.dailyTotals(actor, start, end);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("usage", r.of(usage.items(), usage.total()));
        model.addAttribute("days", days);
        model.addAttribute("callTotal", days.stream().mapToLong(DayTotal::calls).sum());
        model.addAttribute("chart", json.writeValueAsString(chart(days, start, end, locale)));
        model.addAttribute("neverCalled", callLog.neverCalledVisibleTo(actor));
        if (actor.isAdmin()) {
            List<String> national = connectors.systems().entrySet().stream().filter(s -> "national".equals(s.getValue().family()))
                    .map(Map.Entry::getKey).sorted().toList();
            model.addAttribute("national", callLog.grantedVersusCalled(actor, national, start, end));
        }
        return "console/sharing/calls";
    }

    /** ECharts option: succeeded and failed calls per day, every day of the period shown (0 where none). */
    Map<String, Object> chart(List<DayTotal> days, LocalDate from, LocalDate to, java.util.Locale locale) {
        Map<LocalDate, DayTotal> byDay = new LinkedHashMap<>();
        days.forEach(d -> byDay.put(d.day(), d));
        List<String> labels = new ArrayList<>();
        List<Long> ok = new ArrayList<>();
        List<Long> failed = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            DayTotal t = byDay.get(d);
            labels.add(d.toString().substring(5));
            ok.add(t == null ? 0 : t.succeeded());
            failed.add(t == null ? 0 : t.failed());
        }
        String okName = messages.getMessage("sharing.calls.succeeded", null, locale);
        String failedName = messages.getMessage("sharing.calls.failed", null, locale);
        return Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("data", List.of(okName, failedName)),
                "grid", Map.of("left", 48, "right", 16, "top", 36, "bottom", 28),
                "xAxis", Map.of("type", "category", "data", labels),
                "yAxis", Map.of("type", "value", "minInterval", 1),
                "series", List.of(
                        Map.of("name", okName, "type", "bar", "stack", "calls", "data", ok, "itemStyle", Map.of("color", "#15803d")),
                        Map.of("name", failedName, "type", "bar", "stack", "calls", "data", failed, "itemStyle", Map.of("color", "#b91c1c"))));
    }
}

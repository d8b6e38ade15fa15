package org.exchangehub.hub.console.sso;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.exchangehub.catalog.Actor;
import org.exchangehub.catalog.BureauCalendar;
import org.exchangehub.catalog.RegistryException;
import org.exchangehub.hub.sso.ConditionalOnSso;
import org.exchangehub.hub.sso.ConnectedSystem;
import org.exchangehub.hub.sso.ConnectedSystems;
import org.exchangehub.hub.sso.SsoHealthCheck;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Single sign-on health (指标23) in the console: per connected system the last synthetic check, and availability and
 * latency over the last 24 hours from the check's history, hour by hour in two charts. For admins only, like
 * {@code /api/sso/health}.
 */
@Controller
@ConditionalOnSso
public class SsoHealthConsoleController {

    static final Duration STEP = Duration.ofHours(1);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ZoneId ZONE = BureauCalendar.ZONE;

    private final SsoHealthCheck check;
    private final ConnectedSystems systems;
    private final MessageSource messages;
    private final ObjectMapper json;

    public SsoHealthConsoleController(SsoHealthCheck check, ConnectedSystems systems, MessageSource messages, ObjectMapper json) {
        this.check = check;
        this.systems = systems;
        this.messages = messages;
        this.json = json;
    }

    /** One system's row: its last check and its last 24 hours. */
    public record SystemRow(String id, String name, String kind, SsoHealthCheck.Result last, String lastCheckedAt,
                            SsoHealthSeries day) {

        public String availability() {
            return percent(day.availability());
        }

        public String availabilitySinceStart() {
            return last == null || last.checks() == 0 ? "—" : percent(last.availability());
        }

        public String status() {
            return last == null ? "UNKNOWN" : last.up() ? "UP" : "DOWN";
        }
    }

    @GetMapping({"/console/sso", "/console/sso/"})
    String health(Actor actor, Model model, Locale locale) {
        if (!actor.isAdmin()) {
            throw RegistryException.forbidden(messages.getMessage("sso.forbidden", null, locale));
        }
        Map<String, SsoHealthCheck.Result> last = new LinkedHashMap<>();
        check.results().forEach(r -> last.put(r.systemId(), r));
        Map<String, List<SsoHealthCheck.Sample>> history = check.history();
        Instant now = check.now();
        List<SystemRow> rows = new ArrayList<>();
        // the systems connected now: a removed system's results linger in the cluster but are not health to watch
        for (ConnectedSystem s : systems.all().stream().sorted(java.util.Comparator.comparing(ConnectedSystem::id)).toList()) {
            SsoHealthCheck.Result r = last.get(s.id());
            rows.add(new SystemRow(s.id(), s.name(), s.kind().name(), r,
                    r == null ? null : r.checkedAt().atZone(ZONE).format(TIME),
                    SsoHealthSeries.of(history.getOrDefault(s.id(), List.of()), now, SsoHealthCheck.HISTORY, STEP)));
        }
        List<String> axis = new ArrayList<>();
        if (!rows.isEmpty()) {
            rows.get(0).day().steps().forEach(step -> axis.add(step.from().atZone(ZONE).format(HOUR)));
        }
        model.addAttribute("systems", rows);
        model.addAttribute("up", rows.stream().filter(r -> "UP".equals(r.status())).count());
        model.addAttribute("down", rows.stream().filter(r -> "DOWN".equals(r.status())).count());
        model.addAttribute("availabilityChart", write(chart(rows, axis, "%", 100,
                st -> st.availability() == null ? null : Math.round(st.availability() * 1000) / 10.0)));
        model.addAttribute("latencyChart", write(chart(rows, axis, "ms", null, SsoHealthSeries.Step::p95Millis)));
        return "console/sso/health";
    }

    /** One line per system over the hours; an hour without a check is a gap in the line, not a zero. */
    static Map<String, Object> chart(List<SystemRow> rows, List<String> axis, String unit, Integer max,
                                     Function<SsoHealthSeries.Step, Number> value) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false);
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 0, "type", "scroll"));
        option.put("grid", Map.of("left", 8, "right", 16, "top", 36, "bottom", 8, "containLabel", true));
        option.put("xAxis", Map.of("type", "category", "data", axis, "axisLabel", Map.of("hideOverlap", true)));
        Map<String, Object> y = new LinkedHashMap<>();
        y.put("type", "value");
        y.put("axisLabel", Map.of("formatter", "{value} " + unit));
        y.put("min", 0);
        if (max != null) {
            y.put("max", max);
        }
        option.put("yAxis", y);
        List<Map<String, Object>> series = new ArrayList<>();
        for (SystemRow row : rows) {
            List<Number> data = row.day().steps().stream().map(value).toList();
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", row.id());
            s.put("type", "line");
            s.put("connectNulls", false);
            s.put("symbolSize", 6);
            s.put("data", data);
            series.add(s);
        }
        option.put("series", series);
        return option;
    }

    static String percent(Double share) {
        return share == null ? "—" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private String write(Map<String, Object> option) {
        try {
            return json.writeValueAsString(option);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A chart option that is not JSON", e);
        }
    }
}

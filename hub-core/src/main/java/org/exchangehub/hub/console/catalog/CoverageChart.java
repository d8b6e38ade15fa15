package org.exchangehub.hub.console.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.exchangehub.catalog.coverage.CoverageReport.Figures;

/**
 * The ECharts option of the coverage page's bar chart: per department on the table's page, the share of
 * administrative-power items, public-service items and published entries mounted, in percent against the 100%
 * target. A department with nothing to cover has no bar rather than a zero one.
 */
final class CoverageChart {

    /** The series' names in the page's language. */
    record Labels(String administrativePower, String publicService, String mounted, String target) {
    }

    private CoverageChart() {
    }

    static String option(List<Figures> departments, Labels labels, ObjectMapper json) {
        List<String> names = departments.stream().map(f -> f.departmentName() == null ? f.departmentCode() : f.departmentName()).toList();
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 0));
        option.put("grid", Map.of("left", 8, "right", 16, "top", 36, "bottom", 8, "containLabel", true));
        option.put("xAxis", Map.of("type", "category", "data", names,
                "axisLabel", Map.of("interval", 0, "rotate", names.size() > 6 ? 30 : 0, "width", 120, "overflow", "truncate")));
        option.put("yAxis", Map.of("type", "value", "min", 0, "max", 100, "axisLabel", Map.of("formatter", "{value}%")));
        List<Object> series = new ArrayList<>();
        series.add(bar(labels.administrativePower(), departments, f -> f.administrativePower().ratio(), "#1d4ed8", labels.target()));
        series.add(bar(labels.publicService(), departments, f -> f.publicService().ratio(), "#0891b2", null));
        series.add(bar(labels.mounted(), departments, Figures::mountedRatio, "#15803d", null));
        option.put("series", series);
        try {
            return json.writeValueAsString(option);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A chart option of maps and numbers is always JSON", e);
        }
    }

    private static Map<String, Object> bar(String name, List<Figures> departments, Function<Figures, Double> ratio, String color,
                                           String target) {
        List<Object> data = new ArrayList<>();
        for (Figures f : departments) {
            Double r = ratio.apply(f);
            data.add(r == null ? null : Math.round(r * 1000) / 10.0);
        }
        Map<String, Object> bar = new LinkedHashMap<>();
        bar.put("name", name);
        bar.put("type", "bar");
        bar.put("data", data);
        bar.put("itemStyle", Map.of("color", color));
        if (target != null) {
            bar.put("markLine", Map.of("symbol", "none", "silent", true, "lineStyle", Map.of("color", "#b42318", "type", "dashed"),
                    "label", Map.of("formatter", target), "data", List.of(Map.of("yAxis", 100))));
        }
        return bar;
    }
}

package org.exchangehub.hub.console.returnflow;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exchangehub.returnflow.completeness.CompletenessReports.DailyCounts;

/**
 * The ECharts options of the return-flow pages, built on the server so that the page carries data and labels only
 * (console.js draws any {@code [data-chart]}). Animation is off: the charts are read, and screenshots show them whole.
 */
final class ReturnFlowCharts {

    static final String PASSED_COLOUR = "#15803d";
    static final String FAILED_COLOUR = "#b91c1c";
    static final String RECEIVED_COLOUR = "#1d4ed8";
    private static final DateTimeFormatter AXIS_DAY = DateTimeFormatter.ofPattern("MM-dd");

    /** The series names, in the page's language. */
    record Labels(String received, String passed, String failed) {
    }

    private ReturnFlowCharts() {
    }

    /**
     * One source's days from {@code from} to {@code to}: passed and failed as stacked bars, received as a line. Days
     * without counters are zero, so the axis always has every day.
     */
    static Map<String, Object> daily(String sourceId, LocalDate from, LocalDate to, List<DailyCounts> counts, Labels labels) {
        Map<LocalDate, DailyCounts> byDay = new LinkedHashMap<>();
        counts.stream().filter(c -> c.sourceId().equals(sourceId)).forEach(c -> byDay.put(c.day(), c));
        List<String> axis = new ArrayList<>();
        List<Long> received = new ArrayList<>();
        List<Long> passed = new ArrayList<>();
        List<Long> failed = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            DailyCounts c = byDay.get(d);
            axis.add(d.format(AXIS_DAY));
            received.add(c == null ? 0 : c.received());
            passed.add(c == null ? 0 : c.passed());
            failed.add(c == null ? 0 : c.failed());
        }
        Map<String, Object> option = base();
        option.put("legend", Map.of("top", 0, "data", List.of(labels.passed(), labels.failed(), labels.received())));
        option.put("xAxis", Map.of("type", "category", "data", axis, "axisLabel", Map.of("hideOverlap", true)));
        option.put("yAxis", Map.of("type", "value", "minInterval", 1));
        option.put("series", List.of(
                series(labels.passed(), "bar", passed, PASSED_COLOUR, "n"),
                series(labels.failed(), "bar", failed, FAILED_COLOUR, "n"),
                series(labels.received(), "line", received, RECEIVED_COLOUR, null)));
        return option;
    }

    /** The delay histogram: cases per bucket, the bucket labels given in the page's language. */
    static Map<String, Object> histogram(List<String> bucketLabels, List<Long> cases, String seriesName) {
        Map<String, Object> option = base();
        option.put("xAxis", Map.of("type", "category", "data", bucketLabels, "axisLabel", Map.of("interval", 0, "hideOverlap", true)));
        option.put("yAxis", Map.of("type", "value", "minInterval", 1));
        option.put("series", List.of(series(seriesName, "bar", cases, RECEIVED_COLOUR, null)));
        return option;
    }

    private static Map<String, Object> base() {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false);
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("grid", Map.of("left", 8, "right", 16, "top", 36, "bottom", 8, "containLabel", true));
        return option;
    }

    private static Map<String, Object> series(String name, String type, List<Long> data, String colour, String stack) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("type", type);
        s.put("data", data);
        s.put("itemStyle", Map.of("color", colour));
        if (stack != null) {
            s.put("stack", stack);
        }
        if ("line".equals(type)) {
            s.put("symbolSize", 4);
        }
        return s;
    }
}

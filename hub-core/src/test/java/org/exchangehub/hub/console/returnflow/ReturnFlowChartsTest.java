package org.exchangehub.hub.console.returnflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.exchangehub.returnflow.completeness.CompletenessReports.DailyCounts;
import org.junit.jupiter.api.Test;

class ReturnFlowChartsTest {

    private static final ReturnFlowCharts.Labels LABELS = new ReturnFlowCharts.Labels("接收", "通过", "失败");

    @Test
    @SuppressWarnings("unchecked")
    void aSourcesDailyChartHasEveryDayOfThePeriodWithZerosWhereNothingArrivedAndOnlyThatSource() {
        LocalDate to = LocalDate.of(2026, 11, 23);
        LocalDate from = to.minusDays(29);
        Map<String, Object> option = ReturnFlowCharts.daily("jq-approval", from, to, List.of(
                new DailyCounts(from, "jq-approval", 5, 4, 1, 0),
                new DailyCounts(to, "jq-approval", 7, 5, 2, 1),
                new DailyCounts(to, "provincial-vertical", 100, 100, 0, 0)), LABELS);

        List<String> axis = (List<String>) ((Map<String, Object>) option.get("xAxis")).get("data");
        assertThat(axis).hasSize(30).startsWith("10-25").endsWith("11-23");
        List<Map<String, Object>> series = (List<Map<String, Object>>) option.get("series");
        assertThat(series).extracting(s -> s.get("name")).containsExactly("通过", "失败", "接收");
        List<Long> passed = (List<Long>) series.get(0).get("data");
        List<Long> failed = (List<Long>) series.get(1).get("data");
        List<Long> received = (List<Long>) series.get(2).get("data");
        assertThat(passed).hasSize(30).startsWith(4L).endsWith(5L);
        assertThat(passed.subList(1, 29)).containsOnly(0L);
        assertThat(failed).startsWith(1L).endsWith(2L);
        assertThat(received).as("the other source's 100 are not in this chart").endsWith(7L);
        assertThat(series.get(0).get("stack")).isEqualTo(series.get(1).get("stack"));
        assertThat(option.get("animation")).isEqualTo(false);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDelayHistogramNamesEachBucketInOrder() {
        Map<String, Object> option = ReturnFlowCharts.histogram(List.of("< 1 h", "1–6 h"), List.of(3L, 1L), "cases");
        assertThat((List<String>) ((Map<String, Object>) option.get("xAxis")).get("data")).containsExactly("< 1 h", "1–6 h");
        assertThat(((List<Map<String, Object>>) option.get("series")).get(0).get("data")).isEqualTo(List.of(3L, 1L));
    }
}

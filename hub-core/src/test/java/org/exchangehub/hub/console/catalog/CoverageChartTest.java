package org.exchangehub.hub.console.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.exchangehub.catalog.coverage.CoverageReport.CategoryCoverage;
import org.exchangehub.catalog.coverage.CoverageReport.Figures;
import org.junit.jupiter.api.Test;

class CoverageChartTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void drawsEachDepartmentsSharesInPercentAndLeavesOutWhatHasNothingToCover() throws Exception {
        Figures market = new Figures("11620900MB00000013", "市场监督管理局", new CategoryCoverage(3, 2, 2 / 3.0),
                new CategoryCoverage(0, 0, null), 4, 1, 0.25);
        Figures land = new Figures("11620900MB00000026", "自然资源局", new CategoryCoverage(1, 1, 1.0),
                new CategoryCoverage(2, 1, 0.5), 0, 0, null);

        JsonNode option = JSON.readTree(CoverageChart.option(List.of(market, land),
                new CoverageChart.Labels("行政权力", "公共服务", "已挂接", "目标 100%"), JSON));

        assertThat(option.path("xAxis").path("data").toString()).isEqualTo("[\"市场监督管理局\",\"自然资源局\"]");
        JsonNode series = option.path("series");
        assertThat(series.get(0).path("name").asText()).isEqualTo("行政权力");
        assertThat(series.get(0).path("data").toString()).isEqualTo("[66.7,100.0]");
        assertThat(series.get(1).path("data").toString()).as("no public-service items: no bar").isEqualTo("[null,50.0]");
        assertThat(series.get(2).path("data").toString()).isEqualTo("[25.0,null]");
        assertThat(series.get(0).path("markLine").path("data").get(0).path("yAxis").asInt()).isEqualTo(100);
        assertThat(option.path("yAxis").path("max").asInt()).isEqualTo(100);
    }
}

package org.exchangehub.hub.console.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.exchangehub.hub.sso.SsoHealthCheck.Sample;
import org.junit.jupiter.api.Test;

class SsoHealthSeriesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

    @Test
    void availabilityAndLatencyPerHourWithNoFigureForAnHourWithoutChecks() {
        List<Sample> samples = List.of(
                new Sample(NOW.minus(Duration.ofMinutes(150)), true, 20),  // hour 21 of 24
                new Sample(NOW.minus(Duration.ofMinutes(30)), true, 10),   // the last hour
                new Sample(NOW.minus(Duration.ofMinutes(20)), false, 3000),
                new Sample(NOW.minus(Duration.ofMinutes(10)), true, 30),
                new Sample(NOW.minus(Duration.ofMinutes(5)), true, 40),
                new Sample(NOW.minus(Duration.ofHours(30)), false, 5000)); // older than the window

        SsoHealthSeries series = SsoHealthSeries.of(samples, NOW, Duration.ofHours(24), Duration.ofHours(1));

        assertThat(series.steps()).hasSize(24);
        assertThat(series.checks()).isEqualTo(5);
        assertThat(series.availability()).isEqualTo(0.8);
        assertThat(series.p50Millis()).isEqualTo(30);
        assertThat(series.p95Millis()).isEqualTo(3000);
        SsoHealthSeries.Step last = series.steps().get(23);
        assertThat(last.checks()).isEqualTo(4);
        assertThat(last.availability()).isEqualTo(0.75);
        assertThat(last.p50Millis()).isEqualTo(30);
        assertThat(series.steps().get(21).availability()).isEqualTo(1.0);
        assertThat(series.steps().get(0).availability()).as("nothing measured is not 0 %").isNull();
        assertThat(series.steps().get(0).from()).isEqualTo(NOW.minus(Duration.ofHours(24)));
    }

    @Test
    void aSystemNeverCheckedHasNoFigures() {
        SsoHealthSeries series = SsoHealthSeries.of(List.of(), NOW, Duration.ofHours(24), Duration.ofHours(1));
        assertThat(series.availability()).isNull();
        assertThat(series.p95Millis()).isNull();
        assertThat(series.steps()).allSatisfy(s -> assertThat(s.checks()).isZero());
    }

    @Test
    void nearestRankPercentiles() {
        List<Sample> hundred = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            hundred.add(new Sample(NOW, true, i));
        }
        assertThat(SsoHealthSeries.percentile(hundred, 0.5)).isEqualTo(50);
        assertThat(SsoHealthSeries.percentile(hundred, 0.95)).isEqualTo(95);
        assertThat(SsoHealthSeries.percentile(List.of(new Sample(NOW, true, 7)), 0.95)).isEqualTo(7);
    }
}

package org.exchangehub.hub.console.sso;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.exchangehub.hub.sso.SsoHealthCheck.Sample;

/**
 * A system's samples as the page shows them: availability and latency over the whole window, and per step (an hour
 * of the last 24) for the chart. A step without a check has no availability rather than 0 %: nothing was measured.
 */
record SsoHealthSeries(long checks, long successes, Double availability, Long p50Millis, Long p95Millis, List<Step> steps) {

    /** One step of the window, starting at {@code from}. */
    record Step(Instant from, long checks, long successes, Double availability, Long p50Millis, Long p95Millis) {
    }

    static SsoHealthSeries of(List<Sample> samples, Instant end, Duration window, Duration step) {
        Instant start = end.minus(window);
        int count = (int) Math.ceil((double) window.toMillis() / step.toMillis());
        List<List<Sample>> perStep = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            perStep.add(new ArrayList<>());
        }
        List<Sample> inWindow = new ArrayList<>();
        for (Sample s : samples) {
            if (s.at().isBefore(start) || s.at().isAfter(end)) {
                continue;
            }
            inWindow.add(s);
            int i = (int) Math.min(count - 1, Duration.between(start, s.at()).toMillis() / step.toMillis());
            perStep.get(i).add(s);
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<Sample> in = perStep.get(i);
            long ok = in.stream().filter(Sample::up).count();
            steps.add(new Step(start.plus(step.multipliedBy(i)), in.size(), ok, share(ok, in.size()),
                    percentile(in, 0.50), percentile(in, 0.95)));
        }
        long ok = inWindow.stream().filter(Sample::up).count();
        return new SsoHealthSeries(inWindow.size(), ok, share(ok, inWindow.size()), percentile(inWindow, 0.50),
                percentile(inWindow, 0.95), List.copyOf(steps));
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    /** The nearest-rank percentile of the checks' total time; a failed check's time counts too (a slow refusal is slow). */
    static Long percentile(List<Sample> samples, double p) {
        if (samples.isEmpty()) {
            return null;
        }
        long[] sorted = samples.stream().mapToLong(Sample::totalMillis).sorted().toArray();
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}

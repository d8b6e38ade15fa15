package org.exchangehub.hub.returnflow;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.exchangehub.returnflow.completeness.CompletenessReports;
import org.exchangehub.returnflow.intake.IntakeListener;
import org.exchangehub.returnflow.intake.IntakeReport;
import org.exchangehub.returnflow.quality.Reason;
import org.exchangehub.returnflow.store.RecordOutcome;
import org.springframework.stereotype.Component;

/**
 * Prometheus metrics of the return flow (/actuator/prometheus, admins): records by source and outcome, failures by
 * rule, overdue cases by card, the delay from completion to arrival (p50, p95), records forwarded and the forwarding
 * backlog and open failures (read from the database at most every 10 s).
 */
@Component
public class ReturnFlowMetrics implements IntakeListener {

    private final MeterRegistry registry;
    private final CompletenessReports reports;
    private final AtomicReference<Cached> backlog = new AtomicReference<>(new Cached(0, null));

    private record Cached(long at, CompletenessReports.Backlog value) {
    }

    public ReturnFlowMetrics(MeterRegistry registry, CompletenessReports reports) {
        this.registry = registry;
        this.reports = reports;
        Gauge.builder("hub.return_flow.forward.pending", () -> backlog().forwardPending())
                .description("passed versions waiting for the provincial case centre's acknowledgement").register(registry);
        Gauge.builder("hub.return_flow.failures.open", () -> backlog().openFailures())
                .description("failed records not yet fixed by a resend").register(registry);
    }

    @Override
    public void stored(IntakeReport report) {
        String source = report.sourceId();
        for (RecordOutcome o : report.outcomes()) {
            Counter.builder("hub.return_flow.records").tag("source", source).tag("outcome", o.outcome().name())
                    .description("case records received, by outcome").register(registry).increment();
            if (!o.reasons().isEmpty()) {
                Set<String> rules = new LinkedHashSet<>();
                for (Reason r : o.reasons()) {
                    rules.add(r.rule());
                }
                for (String rule : rules) {
                    Counter.builder("hub.return_flow.rule_failures").tag("source", source).tag("rule", rule)
                            .description("failed records by quality rule").register(registry).increment();
                }
            }
            if (o.overdue() != null) {
                Counter.builder("hub.return_flow.overdue").tag("source", source).tag("card", o.overdue().card().name())
                        .description("cases completed after their deadline (red/yellow card)").register(registry).increment();
            }
            if (o.completionToArrival() != null && o.outcome().stored() && !o.completionToArrival().isNegative()) {
                Timer.builder("hub.return_flow.completion_to_arrival").tag("source", source)
                        .description("from a case's completion to its record's arrival at the hub")
                        .publishPercentiles(0.5, 0.95).register(registry).record(o.completionToArrival());
            }
        }
    }

    public void forwarded(int count) {
        Counter.builder("hub.return_flow.forwarded").description("versions acknowledged by the provincial case centre")
                .register(registry).increment(count);
    }

    public void forwardFailed() {
        Counter.builder("hub.return_flow.forward.failures").description("failed requests to the provincial case centre")
                .register(registry).increment();
    }

    private CompletenessReports.Backlog backlog() {
        Cached c = backlog.get();
        if (c.value() == null || System.currentTimeMillis() - c.at() > Duration.ofSeconds(10).toMillis()) {
            try {
                c = new Cached(System.currentTimeMillis(), reports.backlog());
                backlog.set(c);
            } catch (RuntimeException e) {
                return c.value() == null ? new CompletenessReports.Backlog(-1, -1) : c.value();
            }
        }
        return c.value();
    }
}

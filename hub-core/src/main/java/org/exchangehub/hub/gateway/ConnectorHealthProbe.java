package org.exchangehub.hub.gateway;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.exchangehub.catalog.mount.MountHealth;
import org.exchangehub.catalog.mount.MountService;
import org.exchangehub.catalog.mount.MountedResource;
import org.exchangehub.connectors.ConnectorCall;
import org.exchangehub.connectors.health.ConnectorProbe;
import org.exchangehub.connectors.resilience.ConnectorResilience;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Probes every configured provider on a schedule ({@code hub.connectors.health-probe}: enabled, interval; a
 * connector's {@code probe.interval} overrides it) and records the result as the health of each API mount the
 * connector serves ({@link MountService#reportHealth}: UP/DOWN, when checked, and a detail with status and latency,
 * plus the circuit breaker's state when it is not closed). A change of a connector's health is logged once.
 *
 * <p>Each hub node probes on its own; the registry keeps the latest report.
 */
@Component
public class ConnectorHealthProbe {

    private static final Logger log = LoggerFactory.getLogger(ConnectorHealthProbe.class);
    /** Probes wait at most their connector's timeouts; two threads keep one dead provider from delaying the rest much. */
    private static final int THREADS = 2;

    private final ConnectorProperties connectors;
    private final ConnectorProbe probe;
    private final MountService mounts;
    private final ConnectorResilience resilience;
    private final Map<String, Boolean> lastUp = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService scheduler;

    public ConnectorHealthProbe(ConnectorProperties connectors, ConnectorProbe probe, MountService mounts, ConnectorResilience resilience) {
        this.connectors = connectors;
        this.probe = probe;
        this.mounts = mounts;
        this.resilience = resilience;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        if (!connectors.healthProbe().enabled() || connectors.systems().isEmpty()) {
            return;
        }
        ScheduledExecutorService s = Executors.newScheduledThreadPool(THREADS, Thread.ofPlatform().name("connector-probe-", 1).daemon().factory());
        connectors.systems().forEach((id, system) -> {
            Duration interval = interval(system);
            // the first round soon after start, so mounts do not stay UNKNOWN for a whole interval
            long first = Math.min(interval.toMillis(), Duration.ofSeconds(5).toMillis());
            s.scheduleWithFixedDelay(() -> probeQuietly(id), first, interval.toMillis(), TimeUnit.MILLISECONDS);
        });
        scheduler = s;
        log.info("Health probes scheduled for {} connector(s)", connectors.systems().size());
    }

    /** Before Camel and the database go away (ContextClosedEvent precedes the shutdown of beans). */
    @EventListener(ContextClosedEvent.class)
    public void stop() {
        ScheduledExecutorService s = scheduler;
        if (s != null) {
            s.shutdownNow();
        }
    }

    /** Probes one connector now and records the result on each API mount it serves; returns what the probe saw. */
    public ConnectorProbe.Result probe(String connectorId) {
        ConnectorProperties.System system = connectors.systems().get(connectorId);
        if (system == null) {
            throw new IllegalArgumentException("no connector '" + connectorId + "' is configured");
        }
        String base = system.baseUrl().toString().replaceAll("/+$", "");
        String path = system.probe().path() == null ? "" : system.probe().path();
        int q = path.indexOf('?');
        ConnectorCall call = new ConnectorCall(connectorId, "probe", ConnectorCall.componentName(connectorId),
                base + (q < 0 ? path : path.substring(0, q)), q < 0 ? null : path.substring(q + 1), (int) system.responseTimeout().toMillis());
        ConnectorProbe.Result result = probe.probe(call);
        String detail = result.detail();
        CircuitBreaker.State circuit = resilience.state(connectorId);
        if (circuit != CircuitBreaker.State.CLOSED) {
            detail += "; circuit " + circuit;
        }
        for (MountedResource mount : mounts.apiMountsOf(connectorId)) {
            mounts.reportHealth(mount.id(), result.up() ? MountHealth.UP : MountHealth.DOWN, detail);
        }
        Boolean before = lastUp.put(connectorId, result.up());
        if (before == null || before != result.up()) {
            if (result.up()) {
                log.info("Connector {} is up ({})", connectorId, detail);
            } else {
                log.warn("Connector {} is down ({})", connectorId, detail);
            }
        }
        return result;
    }

    private void probeQuietly(String connectorId) {
        try {
            probe(connectorId);
        } catch (RuntimeException e) {
            // a probe must never kill its schedule; the next round tries again
            log.warn("Health probe of connector {} failed: {}", connectorId, e.toString());
        }
    }

    private Duration interval(ConnectorProperties.System system) {
        return system.probe().interval() != null ? system.probe().interval() : connectors.healthProbe().interval();
    }
}

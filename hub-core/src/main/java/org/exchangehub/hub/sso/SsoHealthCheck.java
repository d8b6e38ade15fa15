package org.exchangehub.hub.sso;

import java.io.Serializable;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The synthetic single sign-on check of 指标23 (availability and stability): for every connected system, the steps a
 * real launch takes, with the hub's own service account standing in for a user:
 * <ul>
 * <li>OIDC: a token exchange at Keycloak for the system's audience, then the system's launch URL must answer;</li>
 * <li>legacy: a one-time ticket issued and redeemed through the cluster-wide map, then the launch URL must answer.</li>
 * </ul>
 * Each check's outcome and latency go to Micrometer ({@code hub_sso_check_seconds}, {@code hub_sso_system_up}) and to
 * a Hazelcast map every node reads ({@code GET /api/sso/health}): the last result and the counts since the cluster
 * started, from which availability follows. Scheduled every {@code hub.sso.health.interval} when enabled; {@code POST
 * /api/sso/health/run} runs it at once.
 *
 * <p>Each check is also kept as a sample of the system's history (the last {@link #HISTORY}, at most
 * {@link #MAX_SAMPLES}) for availability and latency over time. The history lives in a Hazelcast map like the last
 * result, not in each node's memory: the console may be served by any node, and a node that restarts, or joins later,
 * must show the same past as the others; every node's checks count. Appending runs as an entry processor on the
 * key's owner, so checks from several nodes at once do not overwrite each other.
 */
@Component
@ConditionalOnSso
public class SsoHealthCheck {

    private static final Logger log = LoggerFactory.getLogger(SsoHealthCheck.class);
    static final String MAP = "sso.health";
    static final String HISTORY_MAP = "sso.health.history";
    /** How far back a system's samples are kept. */
    public static final Duration HISTORY = Duration.ofHours(24);
    /** At most this many samples per system (every node checks every system: 24 h at a 60 s interval on 6 nodes is 8,640). */
    static final int MAX_SAMPLES = 10_000;

    /**
     * The state of one system's check.
     *
     * @param systemId the system
     * @param kind OIDC or LEGACY
     * @param up whether the last check passed
     * @param checkedAt when it ran
     * @param exchangeMillis OIDC: the token exchange; legacy: issuing and redeeming the ticket
     * @param launchMillis the launch URL's answer
     * @param totalMillis the whole check
     * @param error why it failed
     * @param checks checks since the cluster started
     * @param successes of which passed
     */
    public record Result(String systemId, ConnectedSystem.Kind kind, boolean up, Instant checkedAt, long exchangeMillis,
                         long launchMillis, long totalMillis, String error, long checks, long successes) implements Serializable {

        @com.fasterxml.jackson.annotation.JsonProperty("availability")
        public double availability() {
            return checks == 0 ? 0 : (double) successes / checks;
        }
    }

    /** One check of one system in its history: when, whether it passed, and how long the whole check took. */
    public record Sample(Instant at, boolean up, long totalMillis) implements Serializable {
    }

    /** Appends a sample to a system's history and drops what is older than the cutoff or beyond the bound. */
    record Append(Sample sample, Instant keepFrom) implements EntryProcessor<String, ArrayList<Sample>, Void> {

        @Override
        public Void process(Map.Entry<String, ArrayList<Sample>> entry) {
            ArrayList<Sample> samples = entry.getValue() == null ? new ArrayList<>() : entry.getValue();
            samples.add(sample);
            samples.removeIf(s -> s.at().isBefore(keepFrom));
            samples.sort(Comparator.comparing(Sample::at));
            if (samples.size() > MAX_SAMPLES) {
                samples = new ArrayList<>(samples.subList(samples.size() - MAX_SAMPLES, samples.size()));
            }
            entry.setValue(samples);
            return null;
        }
    }

    private final ConnectedSystems systems;
    private final TokenExchange exchange;
    private final Tickets tickets;
    private final SsoProperties sso;
    private final MeterRegistry meters;
    private final SsoClock clock;
    private final IMap<String, Result> results;
    private final IMap<String, ArrayList<Sample>> history;
    private final Map<String, AtomicInteger> upGauges = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private volatile ScheduledExecutorService scheduler;

    public SsoHealthCheck(ConnectedSystems systems, TokenExchange exchange, Tickets tickets, SsoProperties sso,
                          MeterRegistry meters, SsoClock clock, HazelcastInstance hazelcast) {
        this.systems = systems;
        this.exchange = exchange;
        this.tickets = tickets;
        this.sso = sso;
        this.meters = meters;
        this.clock = clock;
        this.results = hazelcast.getMap(MAP);
        this.history = hazelcast.getMap(HISTORY_MAP);
    }

    @EventListener(ApplicationReadyEvent.class)
    public void schedule() {
        if (!sso.health().enabled()) {
            return;
        }
        long every = sso.health().interval().toMillis();
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("sso-health").daemon().factory());
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                runAll();
            } catch (RuntimeException e) {
                log.warn("The SSO health check failed: {}", e.toString());
            }
        }, Math.min(every, 10_000), every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** Checks every connected system now. */
    public List<Result> runAll() {
        List<Result> all = new ArrayList<>();
        for (ConnectedSystem system : systems.all()) {
            all.add(check(system));
        }
        return all;
    }

    /** The last result of every system, in id order. */
    public List<Result> results() {
        return results.values().stream().sorted(Comparator.comparing(Result::systemId)).toList();
    }

    /**
     * Every system's samples of the last {@link #HISTORY}, oldest first, by system id (systems removed since keep
     * their past until it ages out; the caller decides whom to show).
     */
    public Map<String, List<Sample>> history() {
        Instant from = clock.instant().minus(HISTORY);
        Map<String, List<Sample>> all = new java.util.TreeMap<>();
        history.forEach((id, samples) -> all.put(id, samples.stream().filter(s -> !s.at().isBefore(from))
                .sorted(Comparator.comparing(Sample::at)).toList()));
        return all;
    }

    /** The time of the checks' clock, the end of the history's window. */
    public Instant now() {
        return clock.instant();
    }

    Result check(ConnectedSystem system) {
        long begin = System.nanoTime();
        long exchangeMillis = 0;
        long launchMillis = 0;
        String error = null;
        try {
            long step = System.nanoTime();
            TokenExchange.IssuedToken service = exchange.serviceAccountToken();
            if (system.kind() == ConnectedSystem.Kind.OIDC) {
                exchange.exchange(service.accessToken(), system.audience());
            } else {
                SsoIdentity probe = new SsoIdentity("sso-health-check", null, "sso-health-check", null, null, null, null, List.of());
                tickets.redeem(tickets.issue(system, probe), system);
            }
            exchangeMillis = (System.nanoTime() - step) / 1_000_000;
            step = System.nanoTime();
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(system.defaultLaunchUrl()).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            launchMillis = (System.nanoTime() - step) / 1_000_000;
            if (answer.statusCode() >= 500) {
                error = "the launch URL answered HTTP " + answer.statusCode();
            }
        } catch (SsoException e) {
            error = e.getMessage();
        } catch (java.io.IOException e) {
            error = "the launch URL " + system.defaultLaunchUrl() + " did not answer (" + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        long totalNanos = System.nanoTime() - begin;
        boolean up = error == null;
        Timer.builder("hub.sso.check").tag("system", system.id()).tag("outcome", up ? "up" : "down")
                .description("synthetic SSO checks (exchange or ticket, then launch URL)").register(meters)
                .record(totalNanos, TimeUnit.NANOSECONDS);
        upGauges.computeIfAbsent(system.id(), id -> {
            AtomicInteger value = new AtomicInteger();
            Gauge.builder("hub.sso.system.up", value, AtomicInteger::get).tag("system", id)
                    .description("1 when the last SSO check of the system passed").register(meters);
            return value;
        }).set(up ? 1 : 0);
        Result previous = results.get(system.id());
        Result result = new Result(system.id(), system.kind(), up, clock.instant(), exchangeMillis, launchMillis,
                totalNanos / 1_000_000, error, (previous == null ? 0 : previous.checks()) + 1,
                (previous == null ? 0 : previous.successes()) + (up ? 1 : 0));
        results.set(system.id(), result);
        history.executeOnKey(system.id(), new Append(new Sample(result.checkedAt(), up, result.totalMillis()),
                result.checkedAt().minus(HISTORY)));
        if (!up) {
            log.warn("SSO check of {} failed: {}", system.id(), error);
        }
        return result;
    }
}

package org.exchangehub.hub.benchmark;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.exchangehub.catalog.Actor;
import org.exchangehub.catalog.Role;
import org.exchangehub.catalog.calls.CallRecord;
import org.exchangehub.catalog.code.UnifiedSocialCreditCode;
import org.exchangehub.catalog.grant.ConsumerSystem;
import org.exchangehub.catalog.grant.ConsumerSystemService;
import org.exchangehub.hub.HubApplication;
import org.exchangehub.hub.gateway.CallLogPublisher;
import org.exchangehub.hub.gateway.GatewayPlans;
import org.exchangehub.hub.gateway.QuotaGuard;
import org.exchangehub.hub.gateway.SharedCallService;
import org.exchangehub.hub.runtime.HubProperties;
import org.exchangehub.hub.security.LocalSigningKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway benchmark (run with {@code ./hub benchmark -Dit.test=GatewayBenchmark}, see docs/benchmarks.md): the
 * same shared call made directly against the provider stub (WireMock on 127.0.0.1, a small JSON answer, no delay)
 * and through the hub ({@code GET /api/shared/{code}/queryByCreditCode}, a signed consumer token, a CONDITIONAL grant
 * with a quota far above the load), with a Java load generator in the same JVM:
 * <ul>
 *   <li>open loop at fixed rates (default 500 and 200 requests/s, 20 s each): requests are scheduled every 2 ms and the latency
 *   runs from the scheduled send time, so a stalled server is charged for the requests it held up (no coordinated
 *   omission);</li>
 *   <li>closed loop at maximum throughput with 8 and 32 concurrent keep-alive clients (15 s each).</li>
 * </ul>
 * Each way is warmed up first. Afterwards the steps of a gateway call are timed in-process, one at a time, to show
 * where the hub's added latency goes. Prints a Markdown table and writes it to
 * {@code target/benchmark/gateway-benchmark.md}. Nothing here asserts a timing.
 */
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayBenchmark {

    /** Open-loop rates: the target's 500/s, then a lower one the hub can sustain on this machine, for its added latency when not saturated. */
    static final int[] RATES = Arrays.stream(System.getProperty("benchmark.rates", "500,200").split(","))
            .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
    static final int RATE_SECONDS = Integer.getInteger("benchmark.rate-seconds", 20);
    static final int MAX_SECONDS = Integer.getInteger("benchmark.max-seconds", 15);
    /**
     * Warm-up: closed-loop windows of 5 s with 8 clients, each way, until two windows in a row are within 5 % of each
     * other (the JIT has settled), at least this many seconds and at most {@link #WARMUP_MAX_SECONDS}. A fixed 5,000
     * calls had left the hub half-compiled for the first measured run.
     */
    /**
     * {@code -Dbenchmark.bare-proxy=false} leaves out the third way: a proxy that does nothing but forward (the JDK's
     * HTTP server on virtual threads, Apache HttpClient as in the hub's connectors). It is the floor for any proxy on
     * this machine, so the hub's figures can be read against it as well as against the stub.
     */
    static final boolean BARE_PROXY = Boolean.parseBoolean(System.getProperty("benchmark.bare-proxy", "true"));
    static final int WARMUP_MIN_SECONDS = Integer.getInteger("benchmark.warmup-seconds", 30);
    static final int WARMUP_MAX_SECONDS = Integer.getInteger("benchmark.warmup-max-seconds", 150);
    static final int[] CLIENTS = Arrays.stream(System.getProperty("benchmark.clients", "8,32").split(","))
            .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
    static final int STEP_CALLS = 2_000;
    /** {@code -Dbenchmark.profile=target/hub-{clients}.jfr}: a JFR recording (profile settings) of each closed-loop hub run. */
    static final String PROFILE = System.getProperty("benchmark.profile");
    /** Open loop: at most this many requests in flight; a request that has to wait for a slot still counts from its scheduled time. */
    static final int MAX_IN_FLIGHT = 256;
    static final String CREDIT_CODE = "91620900MA7AAAAAA1";
    static final String PROVIDER_PATH = "/api/licences/" + CREDIT_CODE;
    /** A real-looking ID number (valid check character), so the hub masks it as one: region and last four kept. */
    static final String LEGAL_REPRESENTATIVE_ID = "62010219900101123"
            + org.exchangehub.catalog.code.ResidentIdNumber.checkCharacterFor("62010219900101123");
    static final String PROVIDER_ANSWER = """
            {"tyshxydm":"91620900MA7AAAAAA1","qymc":"酒泉市某某商贸有限公司","fddbr":"张某",\
            "fddbrsfzh":"%s","clrq":"2021-05-08","djzt":"存续"}""".formatted(LEGAL_REPRESENTATIVE_ID);

    static final WireMockServer PROVIDER = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
            .containerThreads(96).disableRequestJournal());

    static {
        PROVIDER.start();
        PROVIDER.stubFor(get(urlPathEqualTo(PROVIDER_PATH)).willReturn(okJson(PROVIDER_ANSWER)));
    }

    @DynamicPropertySource
    static void connector(DynamicPropertyRegistry registry) {
        String system = "hub.connectors.systems.market-licence.";
        registry.add(system + "family", () -> "selfbuilt");
        registry.add(system + "base-url", () -> "http://127.0.0.1:" + PROVIDER.port());
        registry.add(system + "response-timeout", () -> "5s");
        registry.add(system + "operations.queryByCreditCode.path", () -> "/api/licences/{creditCode}");
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    HubProperties hub;

    @Autowired
    SharedCallService gateway;

    @Autowired
    ConsumerSystemService consumerSystems;

    @Autowired
    GatewayPlans plans;

    @Autowired
    QuotaGuard quota;

    @Autowired
    CallLogPublisher callLog;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient setupHttp = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    // ------------------------------------------------------------------------------------------ the run

    @Test
    void gatewayBenchmark() throws Exception {
        long runStart = System.nanoTime();
        Setup s = grantedEntry();
        URI direct = URI.create("http://127.0.0.1:" + PROVIDER.port() + PROVIDER_PATH);
        URI viaHub = URI.create("http://127.0.0.1:" + port + "/api/shared/" + s.code() + "/queryByCreditCode?creditCode=" + CREDIT_CODE);
        Target directTarget = new Target("direct", direct, null);
        Target hubTarget = new Target("hub", viaHub, s.consumerToken());

        // the hub answers only the granted items, the sensitive one masked as an ID number
        Answer first = send("GET", s.consumerToken(), viaHub.getPath() + "?" + viaHub.getQuery(), null);
        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(first.body().path("qymc").asText()).isEqualTo("酒泉市某某商贸有限公司");
        assertThat(first.body().path("fddbrsfzh").asText()).isEqualTo("620102********" + LEGAL_REPRESENTATIVE_ID.substring(14));
        assertThat(first.body().has("fddbr")).as("not granted").isFalse();
        System.out.println("[gateway-benchmark] hub answer: " + first.raw() + "  (provider answer: " + PROVIDER_ANSWER.length() + " chars)");

        List<Result> results = new ArrayList<>();
        BareProxy proxy = BARE_PROXY ? BareProxy.start(direct) : null;
        Target proxyTarget = proxy == null ? null : new Target("proxy", proxy.uri(), null);
        for (Target t : List.of(directTarget, hubTarget)) {
            warmUp(t);
        }
        if (proxyTarget != null) {
            warmUp(proxyTarget);
        }
        for (int rate : RATES) {
            for (Target t : List.of(directTarget, hubTarget)) {
                pause();
                Result r = openLoop(t, rate, RATE_SECONDS);
                System.out.println("[gateway-benchmark] " + r.line());
                results.add(r);
            }
        }
        for (int clients : CLIENTS) {
            for (Target t : List.of(directTarget, hubTarget)) {
                pause();
                jdk.jfr.Recording recording = PROFILE != null && t == hubTarget ? profile() : null;
                Cpu before = Cpu.now();
                Result r = closedLoop(t, clients, Integer.MAX_VALUE, Duration.ofSeconds(MAX_SECONDS), clients + " clients")
                        .withCpu(Cpu.now().minus(before));
                if (recording != null) {
                    Path file = Path.of(PROFILE.replace("{clients}", String.valueOf(clients)));
                    recording.dump(file);
                    recording.close();
                    System.out.println("[gateway-benchmark] JFR recording of the hub run written to " + file.toAbsolutePath());
                }
                System.out.println("[gateway-benchmark] " + r.line());
                results.add(r);
            }
        }
        List<Result> proxyResults = new ArrayList<>();
        if (proxy != null) {
            for (int clients : CLIENTS) {
                pause();
                Cpu before = Cpu.now();
                Result r = closedLoop(proxyTarget, clients, Integer.MAX_VALUE, Duration.ofSeconds(MAX_SECONDS), clients + " clients")
                        .withCpu(Cpu.now().minus(before));
                System.out.println("[gateway-benchmark] " + r.line());
                proxyResults.add(r);
            }
            proxy.stop();
        }
        pause();
        List<Step> steps = stepTimings(s);
        long runNanos = System.nanoTime() - runStart;

        String report = report(results, proxyResults, steps, runNanos);
        System.out.println(report);
        Path out = Path.of("target", "benchmark", "gateway-benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println("[gateway-benchmark] written to " + out.toAbsolutePath());
    }

    private static jdk.jfr.Recording profile() throws IOException {
        try {
            jdk.jfr.Recording recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            recording.start();
            return recording;
        } catch (java.text.ParseException e) {
            throw new IOException(e);
        }
    }

    private void warmUp(Target t) throws InterruptedException {
        long start = System.nanoTime();
        double last = 0;
        for (int window = 1; ; window++) {
            Result w = closedLoop(t, 8, Integer.MAX_VALUE, Duration.ofSeconds(5), "warm-up " + window);
            System.out.println("[gateway-benchmark] " + w.line());
            double seconds = (System.nanoTime() - start) / 1e9;
            boolean settled = last > 0 && Math.abs(w.perSecond() - last) <= 0.05 * last;
            if ((settled && seconds >= WARMUP_MIN_SECONDS) || seconds >= WARMUP_MAX_SECONDS) {
                System.out.printf(Locale.ROOT, "[gateway-benchmark] %s warmed up in %.0f s (%s)%n", t.name(), seconds,
                        settled ? "settled" : "not settled: stopped at the limit");
                return;
            }
            last = w.perSecond();
        }
    }

    /**
     * CPU used while a run lasted: the whole machine's busy time ({@code /proc/stat}: everything but idle and I/O wait,
     * so the stub, PostgreSQL, Kafka and the load generator count too) and this JVM's. Divided by the answered
     * requests, it is what one request costs in CPU, the figure that decides throughput on a saturated machine.
     */
    record Cpu(long machineBusyNanos, long jvmNanos) {
        static Cpu now() {
            long busy = -1;
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long ticks = 0;
                for (int i = 1; i < Math.min(f.length, 9); i++) {
                    if (i != 4 && i != 5) { // idle, iowait
                        ticks += Long.parseLong(f[i]);
                    }
                }
                busy = ticks * 10_000_000L; // USER_HZ is 100 on Linux
            } catch (IOException | RuntimeException notLinux) {
                // no machine figure then
            }
            long jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            return new Cpu(busy, jvm);
        }

        Cpu minus(Cpu earlier) {
            return new Cpu(machineBusyNanos < 0 || earlier.machineBusyNanos < 0 ? -1 : machineBusyNanos - earlier.machineBusyNanos,
                    jvmNanos - earlier.jvmNanos);
        }
    }

    /** Lets Kafka's producer and the call-log writer catch up between runs, so one run's backlog does not land on the next. */
    private static void pause() throws InterruptedException {
        System.gc();
        Thread.sleep(3_000);
    }

    // ------------------------------------------------------------------------------------------ set-up through the API

    record Setup(String code, String consumerToken, String clientId, long grantId) {
    }

    /** A published CONDITIONAL licence entry with its API mounted and a consuming system granted three items with a high quota. */
    Setup grantedEntry() throws IOException {
        String dept = departmentCode();
        Answer d = send("PUT", token("admin.li", "admin", null), "/api/departments/" + dept,
                Map.of("name", "酒泉市市场监督管理局", "regionCode", "620900"));
        assertThat(d.status()).as(d.raw()).isEqualTo(200);
        String officer = token("officer", "dept-editor", dept);
        Map<String, Object> body = licenceEntry();
        Answer created = send("POST", officer, "/api/catalog/entries", body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String code = created.body().path("resourceCode").asText();
        assertThat(send("POST", officer, "/api/catalog/entries/" + code + "/submit", null).status()).isEqualTo(200);
        Answer approved = send("POST", token("reviewer.wang", "reviewer", null), "/api/catalog/entries/" + code + "/approve", null);
        assertThat(approved.body().path("status").asText()).as(approved.raw()).isEqualTo("PUBLISHED");
        Answer mount = send("POST", officer, "/api/catalog/entries/" + code + "/mounts",
                Map.of("kind", "API", "connectorId", "market-licence", "operation", "queryByCreditCode"));
        assertThat(mount.status()).as(mount.raw()).isBetween(200, 201);

        String client = "bench-estate-" + ThreadLocalRandom.current().nextInt(1_000_000);
        Answer system = send("PUT", token("admin.li", "admin", null), "/api/consumer-systems/" + client,
                Map.of("name", "不动产登记系统", "clientId", client));
        assertThat(system.status()).as(system.raw()).isBetween(200, 201);
        String consumer = token(client, "consumer", null);
        Answer applied = send("POST", consumer, "/api/catalog/entries/" + code + "/share-requests", Map.of("purpose", "核验企业主体资格",
                "dataItems", List.of("统一社会信用代码", "企业名称", "法定代表人身份证号")));
        assertThat(applied.status()).as(applied.raw()).isBetween(200, 201);
        long requestId = applied.body().path("id").asLong();
        Answer grant = send("POST", token("reviewer", "reviewer", dept), "/api/share-requests/" + requestId + "/approve",
                Map.of("callsPerDay", 100_000_000, "callsPerSecond", 100_000));
        assertThat(grant.status()).as(grant.raw()).isBetween(200, 201);
        return new Setup(code, consumer, client, grant.body().path("grantId").asLong());
    }

    static Map<String, Object> licenceEntry() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("resourceCategory", "DEPARTMENT");
        body.put("classificationCode", "3-01-02");
        body.put("name", "企业营业执照信息");
        body.put("abstract", "登记机关核发的企业营业执照主要信息，包括统一社会信用代码、企业名称、法定代表人、成立日期和登记状态");
        body.put("format", "INTERFACE");
        body.put("shareType", "CONDITIONAL");
        body.put("shareConditions", "仅限政务服务用途");
        body.put("shareMode", "INTERFACE");
        body.put("openType", "NOT_OPEN");
        body.put("updateCycle", "REAL_TIME");
        body.put("dataItems", List.of(
                Map.of("name", "统一社会信用代码", "code", "tyshxydm", "type", "STRING", "length", 18),
                Map.of("name", "企业名称", "code", "qymc", "type", "STRING", "length", 200),
                Map.of("name", "法定代表人", "code", "fddbr", "type", "STRING", "length", 50),
                Map.of("name", "法定代表人身份证号", "code", "fddbrsfzh", "type", "STRING", "length", 18, "sensitive", true),
                Map.of("name", "成立日期", "code", "clrq", "type", "DATE")));
        body.put("relatedItemCodes", List.of());
        return body;
    }

    static String departmentCode() {
        String alphabet = UnifiedSocialCreditCode.ALPHABET;
        StringBuilder s = new StringBuilder("11620900");
        for (int i = 0; i < 9; i++) {
            s.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(10, alphabet.length())));
        }
        return s.toString() + UnifiedSocialCreditCode.checkCharacterFor(s.toString());
    }

    private String token(String username, String roles, String department) {
        return LocalSigningKey.inDataDir(hub.dataDir()).issue(username, List.of(roles.split(",")), department, Duration.ofHours(3));
    }

    record Answer(int status, JsonNode body, String raw) {
    }

    private Answer send(String method, String token, String path, Object body) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        try {
            HttpResponse<String> r = setupHttp.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode json = r.body() == null || r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
            return new Answer(r.statusCode(), json, r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------------------------------ load generation

    /** Where the load goes: the provider stub directly, or the hub with the consumer's bearer token. */
    record Target(String name, URI uri, String token) {
        HttpRequest request() {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            return b.build();
        }
    }

    static HttpClient loadClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Open loop: one request every 1/rate s for the given seconds, latency measured from each request's scheduled time. */
    Result openLoop(Target target, int rate, int seconds) throws InterruptedException {
        int n = rate * seconds;
        long interval = 1_000_000_000L / rate;
        long[] latencies = new long[n];
        boolean[] ok = new boolean[n];
        AtomicReference<String> firstError = new AtomicReference<>();
        AtomicLong lastDone = new AtomicLong();
        AtomicLong maxLag = new AtomicLong();
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        CountDownLatch done = new CountDownLatch(n);
        HttpClient http = loadClient();
        HttpRequest request = target.request();
        long start = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < n; i++) {
            final int k = i;
            final long scheduled = start + i * interval;
            long wait;
            while ((wait = scheduled - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            inFlight.acquireUninterruptibly();
            long lag = System.nanoTime() - scheduled;
            if (lag > maxLag.get()) {
                maxLag.set(lag);
            }
            http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((r, failure) -> {
                long now = System.nanoTime();
                latencies[k] = now - scheduled;
                if (failure == null && r.statusCode() == 200) {
                    ok[k] = true;
                } else {
                    firstError.compareAndSet(null, failure != null ? failure.toString()
                            : "HTTP " + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
                }
                lastDone.accumulateAndGet(now, Math::max);
                inFlight.release();
                done.countDown();
            });
        }
        boolean finished = done.await(2, TimeUnit.MINUTES);
        long elapsed = (finished ? lastDone.get() : System.nanoTime()) - start;
        int errors = 0;
        for (boolean b : ok) {
            errors += b ? 0 : 1;
        }
        http.shutdownNow();
        String mode = String.format(Locale.ROOT, "open loop %d/s × %d s", rate, seconds);
        return new Result(target.name(), mode, rate, latencies, n, errors, elapsed, firstError.get(),
                String.format(Locale.ROOT, "max send lag %.1f ms", maxLag.get() / 1e6));
    }

    /** Closed loop: the given number of clients, each sending its next request as soon as the last one is answered. */
    Result closedLoop(Target target, int clients, int maxCalls, Duration duration, String mode) throws InterruptedException {
        HttpClient http = loadClient();
        HttpRequest request = target.request();
        AtomicInteger tickets = new AtomicInteger(maxCalls);
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<long[]> perThread = new ArrayList<>();
        int[] counts = new int[clients];
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            final int id = c;
            long[][] box = {new long[1 << 16]};
            perThread.add(null);
            Thread t = Thread.ofPlatform().name("bench-" + target.name() + "-" + c).start(() -> {
                int n = 0;
                while (System.nanoTime() < end && tickets.getAndDecrement() > 0) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, "HTTP " + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e.toString());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                    if (n == box[0].length) {
                        box[0] = Arrays.copyOf(box[0], n * 2);
                    }
                    box[0][n++] = System.nanoTime() - t0;
                }
                synchronized (perThread) {
                    perThread.set(id, box[0]);
                    counts[id] = n;
                }
            });
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        long elapsed = System.nanoTime() - start;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        synchronized (perThread) {
            for (int c = 0; c < clients; c++) {
                System.arraycopy(perThread.get(c), 0, all, at, counts[c]);
                at += counts[c];
            }
        }
        http.shutdownNow();
        return new Result(target.name(), "closed loop, " + mode, 0, all, total, errors.get(), elapsed, firstError.get(), "");
    }

    /** One load run's figures; latencies in nanoseconds. */
    record Result(String target, String mode, int offeredRate, long[] latencies, int requests, int errors, long elapsedNanos,
                  String firstError, String note, Cpu cpu) {

        Result(String target, String mode, int offeredRate, long[] latencies, int requests, int errors, long elapsedNanos,
               String firstError, String note) {
            this(target, mode, offeredRate, latencies, requests, errors, elapsedNanos, firstError, note, null);
        }

        Result withCpu(Cpu used) {
            return new Result(target, mode, offeredRate, latencies, requests, errors, elapsedNanos, firstError, note, used);
        }

        /** Machine CPU per answered request, in microseconds (NaN where /proc/stat is not readable). */
        double machineCpuMicros() {
            return cpu == null || cpu.machineBusyNanos() < 0 ? Double.NaN : cpu.machineBusyNanos() / 1e3 / Math.max(1, requests - errors);
        }

        double jvmCpuMicros() {
            return cpu == null ? Double.NaN : cpu.jvmNanos() / 1e3 / Math.max(1, requests - errors);
        }

        /** Share of the machine's cores busy during the run. */
        double machineBusy() {
            return cpu == null || cpu.machineBusyNanos() < 0 ? Double.NaN
                    : cpu.machineBusyNanos() / (double) elapsedNanos / Runtime.getRuntime().availableProcessors();
        }

        double perSecond() {
            return (requests - errors) / (elapsedNanos / 1e9);
        }

        double percentileMs(double p) {
            long[] sorted = sorted();
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }

        long[] sorted() {
            long[] copy = Arrays.copyOf(latencies, requests);
            Arrays.sort(copy);
            return copy;
        }

        String line() {
            return String.format(Locale.ROOT, "%s %s: %,d requests, %d errors, %,.0f/s, p50 %.2f ms, p99 %.2f ms, max %.1f ms%s%s%s",
                    target, mode, requests, errors, perSecond(), percentileMs(0.50), percentileMs(0.99), percentileMs(1.0),
                    note.isEmpty() ? "" : ", " + note, cpu == null ? "" : String.format(Locale.ROOT,
                            ", CPU per request %.0f µs machine / %.0f µs JVM, machine %.0f %% busy", machineCpuMicros(), jvmCpuMicros(),
                            100 * machineBusy()), firstError == null ? "" : " (first error: " + firstError + ")");
        }
    }

    // ------------------------------------------------------------------------------------------ where the time goes

    record Step(String name, String what, double p50Ms, double p99Ms, double meanMs) {
    }

    /** Each step of SharedCallService.call timed on its own, in-process, single-threaded, after a warm-up of the same size. */
    List<Step> stepTimings(Setup s) {
        Actor actor = new Actor(s.clientId(), Set.of(Role.CONSUMER), null, s.clientId());
        ConsumerSystem consumer = consumerSystems.of(actor);
        GatewayPlans.PlanGrant grant = plans.plan(s.code()).grantOf(consumer.id(), OffsetDateTime.now()).orElseThrow();
        Map<String, String> parameters = Map.of("creditCode", CREDIT_CODE);
        Map<String, Supplier<Object>> steps = new LinkedHashMap<>();
        Map<String, String> what = new HashMap<>();
        steps.put("ConsumerSystemService.of(actor)", () -> consumerSystems.of(actor));
        what.put("ConsumerSystemService.of(actor)", "PostgreSQL: consuming system by client id (what a cache miss costs)");
        steps.put("GatewayPlans.consumer(actor)", () -> plans.consumer(actor));
        what.put("GatewayPlans.consumer(actor)", "the same, from the Hazelcast near cache");
        steps.put("GatewayPlans.plan, dropped first", () -> {
            plans.drop(s.code());
            return plans.plan(s.code());
        });
        what.put("GatewayPlans.plan, dropped first", "PostgreSQL: entry's data items, API mounts and active grants (a cache miss)");
        steps.put("GatewayPlans.plan", () -> plans.plan(s.code()));
        what.put("GatewayPlans.plan", "the same, from the Hazelcast near cache");
        steps.put("QuotaGuard.acquire", () -> {
            quota.acquire(grant.id(), grant.callsPerSecond(), grant.callsPerDay());
            return null;
        });
        what.put("QuotaGuard.acquire", "Hazelcast: one entry processor (per second and per day)");
        steps.put("CallLogPublisher.publish", () -> {
            callLog.publish(new CallRecord(UUID.randomUUID(), OffsetDateTime.now(), consumer.id(), s.code(), "queryByCreditCode",
                    grant.id(), 200, null, 1, 100));
            return null;
        });
        what.put("CallLogPublisher.publish", "Kafka: JSON + KafkaTemplate.send (asynchronous, not awaited)");
        steps.put("SharedCallService.call (whole call, in-process)", () -> gateway.call(actor, s.code(), "queryByCreditCode", parameters));
        what.put("SharedCallService.call (whole call, in-process)", "all of the above + Camel route + HTTP to the provider + filtering");
        List<Step> result = new ArrayList<>();
        for (var e : steps.entrySet()) {
            try {
                for (int i = 0; i < STEP_CALLS; i++) {
                    e.getValue().get();
                }
                long[] t = new long[STEP_CALLS];
                for (int i = 0; i < STEP_CALLS; i++) {
                    long t0 = System.nanoTime();
                    e.getValue().get();
                    t[i] = System.nanoTime() - t0;
                }
                Arrays.sort(t);
                double mean = Arrays.stream(t).average().orElse(0) / 1e6;
                result.add(new Step(e.getKey(), what.get(e.getKey()), t[STEP_CALLS / 2 - 1] / 1e6,
                        t[(int) Math.ceil(0.99 * STEP_CALLS) - 1] / 1e6, mean));
            } catch (RuntimeException failure) {
                result.add(new Step(e.getKey(), "failed: " + failure, Double.NaN, Double.NaN, Double.NaN));
            }
        }
        return result;
    }

    // ------------------------------------------------------------------------------------------ the report

    String report(List<Result> results, List<Result> proxyResults, List<Step> steps, long runNanos) {
        Runtime rt = Runtime.getRuntime();
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "| Date | Cores | Max heap | JVM | OS |%n|---|---|---|---|---|%n| %s | %d | %d MB | %s %s (%s) | %s %s |%n%n",
                OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx")),
                rt.availableProcessors(), rt.maxMemory() / (1024 * 1024), System.getProperty("java.vm.name"), System.getProperty("java.version"),
                System.getProperty("java.vm.vendor"), System.getProperty("os.name"), System.getProperty("os.arch")));
        s.append("| Run | Way | Requests | Errors | Requests/s | p50 | p90 | p99 | Max |\n|---|---|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            s.append(String.format(Locale.ROOT, "| %s | %s | %,d | %d | %,.0f | %s | %s | %s | %s |%n", r.mode(), way(r.target()), r.requests(),
                    r.errors(), r.perSecond(), ms(r.percentileMs(0.50)), ms(r.percentileMs(0.90)), ms(r.percentileMs(0.99)), ms(r.percentileMs(1.0))));
        }
        // only where the load saturates the machine: at 200 or 500 calls a second the background work (JIT, the call
        // log catching up, PostgreSQL) outweighs the calls, and a per-call figure says nothing
        s.append("\n| Run | Way | Machine busy | Machine CPU per request | of it this JVM's |\n|---|---|---|---|---|\n");
        for (Result r : results) {
            if (r.offeredRate() > 0) {
                continue;
            }
            s.append(String.format(Locale.ROOT, "| %s | %s | %.0f %% | %.0f µs | %.0f µs |%n", r.mode(), way(r.target()), 100 * r.machineBusy(),
                    r.machineCpuMicros(), r.jvmCpuMicros()));
        }
        s.append("\n| Run | Throughput hub / direct | Added latency p50 (hub − direct) | Added latency p99 (hub − direct) | Added CPU per call (hub − direct) |\n|---|---|---|---|---|\n");
        for (int i = 0; i + 1 < results.size(); i += 2) {
            Result d = results.get(i);
            Result h = results.get(i + 1);
            s.append(String.format(Locale.ROOT, "| %s | %.0f %% (%,.0f / %,.0f) | %s | %s | %s |%n", d.mode(), 100 * h.perSecond() / d.perSecond(),
                    h.perSecond(), d.perSecond(), ms(h.percentileMs(0.50) - d.percentileMs(0.50)), ms(h.percentileMs(0.99) - d.percentileMs(0.99)),
                    d.offeredRate() > 0 ? "–" : String.format(Locale.ROOT, "%.0f µs", h.machineCpuMicros() - d.machineCpuMicros())));
        }
        if (!proxyResults.isEmpty()) {
            s.append("\nA proxy that only forwards (JDK HTTP server on virtual threads + Apache HttpClient, no authentication, "
                    + "no grant, no log), same stub, same run:\n\n| Run | Requests/s | p50 | p99 | Machine CPU per request | "
                    + "proxy / direct | hub / proxy |\n|---|---|---|---|---|---|---|\n");
            for (Result p : proxyResults) {
                Result d = results.stream().filter(r -> r.mode().equals(p.mode()) && r.target().equals("direct")).findFirst().orElse(null);
                Result h = results.stream().filter(r -> r.mode().equals(p.mode()) && r.target().equals("hub")).findFirst().orElse(null);
                s.append(String.format(Locale.ROOT, "| %s | %,.0f | %s | %s | %.0f µs | %s | %s |%n", p.mode(), p.perSecond(),
                        ms(p.percentileMs(0.50)), ms(p.percentileMs(0.99)), p.machineCpuMicros(),
                        d == null ? "–" : String.format(Locale.ROOT, "%.0f %%", 100 * p.perSecond() / d.perSecond()),
                        h == null ? "–" : String.format(Locale.ROOT, "%.0f %%", 100 * h.perSecond() / p.perSecond())));
            }
        }
        for (Result r : results) {
            if (!r.note().isEmpty() || r.firstError() != null) {
                s.append(String.format(Locale.ROOT, "%n* %s %s: %s%s", way(r.target()), r.mode(), r.note(),
                        r.firstError() == null ? "" : "; first error: " + r.firstError()));
            }
        }
        s.append("\n\nSteps of a gateway call, in-process, one thread, ").append(String.format(Locale.ROOT, "%,d", STEP_CALLS))
                .append(" calls each after as many warm-up calls:\n\n| Step | What it does | p50 | p99 | Mean |\n|---|---|---|---|---|\n");
        for (Step st : steps) {
            s.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", st.name(), st.what(), ms(st.p50Ms()), ms(st.p99Ms()), ms(st.meanMs())));
        }
        s.append(String.format(Locale.ROOT, "%nWhole benchmark (hub start-up excluded): %.1f min.%n", runNanos / 6e10));
        return s.toString();
    }

    static String way(String target) {
        return target.equals("direct") ? "direct to the provider stub" : "through the hub";
    }

    static String ms(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return Math.abs(v) < 10 ? String.format(Locale.ROOT, "%.2f ms", v) : String.format(Locale.ROOT, "%.1f ms", v);
    }

    /** The floor for any proxy here: forwards each GET to the stub and its answer back, nothing else. */
    record BareProxy(com.sun.net.httpserver.HttpServer server, org.apache.hc.client5.http.impl.classic.CloseableHttpClient client,
                     java.util.concurrent.ExecutorService threads) {

        static BareProxy start(URI target) throws IOException {
            var connections = org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(64).setMaxConnPerRoute(64).build();
            var client = org.apache.hc.client5.http.impl.classic.HttpClients.custom().setConnectionManager(connections)
                    .disableContentCompression().disableCookieManagement().disableAutomaticRetries().build();
            var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 256);
            var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
            server.setExecutor(threads);
            server.createContext("/", exchange -> {
                try (exchange) {
                    byte[] body = client.execute(new org.apache.hc.client5.http.classic.methods.HttpGet(target),
                            response -> org.apache.hc.core5.http.io.entity.EntityUtils.toByteArray(response.getEntity()));
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
            });
            server.start();
            return new BareProxy(server, client, threads);
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/forward");
        }

        void stop() throws IOException {
            server.stop(0);
            client.close();
            threads.shutdownNow();
        }
    }
}

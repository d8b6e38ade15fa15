package org.exchangehub.hub.demo;

import static org.exchangehub.hub.demo.DemoCases.DemoCase;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.exchangehub.catalog.BureauCalendar;
import org.exchangehub.catalog.RegistryException;
import org.exchangehub.catalog.item.ServiceItem;
import org.exchangehub.hub.gateway.SharedCallService;
import org.exchangehub.hub.returnflow.ReturnFlowProperties;
import org.exchangehub.returnflow.completeness.CompletenessReports;
import org.exchangehub.returnflow.completeness.Manifest;
import org.exchangehub.returnflow.completeness.Manifests;
import org.exchangehub.returnflow.intake.CaseIntake;
import org.exchangehub.returnflow.record.IncomingRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The demo city's return-flow sources, streaming: every {@code hub.demo.interval} the provincial vertical system puts a
 * few case records on its Kafka topic (and completes the cases it left open last time, with a newer GXSJ), the market
 * regulator's approval system posts a JSON batch to the HTTP intake (in-process, as its controller would), the business
 * system writes rows into its table for the poller, once a day the provincial system drops its GBK file and a manifest
 * naming one case that never arrives, and the estate registration system calls the gateway once. Every record goes in
 * by its source's real channel, so mapping, quality checks, storage and statistics are the hub's own.
 *
 * <p>History: at the first start the sources' past {@code hub.demo.history-days} days are back-filled, records dated on
 * those days handed to the same intake with a receipt time on their day ({@link CaseIntake#receive(String, List,
 * OffsetDateTime)}); the channels themselves always receive now, so this is the one place a receipt time is given.
 */
class DemoCaseStreams {

    private static final Logger log = LoggerFactory.getLogger(DemoCaseStreams.class);

    static final String PROVINCIAL_VERTICAL = "provincial-vertical";
    static final String APPROVAL_SYSTEM = "jq-approval";
    static final String BUSINESS_SYSTEM = "jq-ywxt";
    static final String PROVINCIAL_DAILY = "provincial-daily";
    static final List<String> SOURCES = List.of(PROVINCIAL_VERTICAL, APPROVAL_SYSTEM, BUSINESS_SYSTEM, PROVINCIAL_DAILY);

    private static final Charset GBK = Charset.forName("GBK");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private static final List<ServiceItem> VERTICAL_ITEMS = DemoCity.ITEMS.stream()
            .filter(i -> !i.departmentCode().equals(DemoCity.HEALTH)).toList();
    private static final List<ServiceItem> MARKET_ITEMS = items(DemoCity.MARKET);
    private static final List<ServiceItem> ESTATE_ITEMS = items(DemoCity.NATURAL_RESOURCES);
    private static final List<ServiceItem> DAILY_ITEMS = DemoCity.ITEMS.stream()
            .filter(i -> i.departmentCode().equals(DemoCity.HUMAN_RESOURCES) || i.departmentCode().equals(DemoCity.HEALTH)).toList();

    private static List<ServiceItem> items(String department) {
        return DemoCity.ITEMS.stream().filter(i -> i.departmentCode().equals(department)).toList();
    }

    private final DemoProperties demo;
    private final ReturnFlowProperties returnFlow;
    private final CaseIntake intake;
    private final Manifests manifests;
    private final CompletenessReports completeness;
    private final KafkaTemplate<String, String> kafka;
    private final DemoDepartmentTables tables;
    private final SharedCallService gateway;
    private final RandomGenerator random = new SplittableRandom();

    /** The provincial system's cases left open at the last tick: completed at the next one, with a newer GXSJ. */
    private final List<DemoCase> open = new ArrayList<>();
    private LocalDate droppedFor;
    private ScheduledExecutorService scheduler;

    DemoCaseStreams(DemoProperties demo, ReturnFlowProperties returnFlow, CaseIntake intake, Manifests manifests,
                    CompletenessReports completeness, KafkaTemplate<String, String> kafka, DemoDepartmentTables tables,
                    SharedCallService gateway) {
        this.demo = demo;
        this.returnFlow = returnFlow;
        this.intake = intake;
        this.manifests = manifests;
        this.completeness = completeness;
        this.kafka = kafka;
        this.tables = tables;
        this.gateway = gateway;
    }

    /** Whether a source of the demo is configured (an operator may have removed or renamed it). */
    boolean configured(String sourceId) {
        ReturnFlowProperties.Source s = returnFlow.sources().get(sourceId);
        return s != null && s.enabled() && intake.sources().find(sourceId).isPresent();
    }

    /**
     * Starts the ticks on a thread of its own, the first one at once. A platform thread started from the application's
     * thread, so Kafka's client finds its classes in the fat jar (STACK-NOTES.md).
     */
    synchronized void start() {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("demo-case-streams").daemon().factory());
            scheduler.scheduleWithFixedDelay(this::tickQuietly, 0, demo.interval().toMillis(), TimeUnit.MILLISECONDS);
            log.info("Demo case streams started: every {} from {}", demo.interval(),
                    SOURCES.stream().filter(this::configured).toList());
        }
    }

    /** Stops the ticks (the context closing); a round under way finishes. */
    synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
            scheduler = null;
        }
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            // a demo stream must never take the hub down; the next tick tries again
            log.warn("Demo case streams: this round failed ({}); trying again in {}", e.toString(), demo.interval());
        }
    }

    // ---------------------------------------------------------------------------------------------------- live

    /** One round of every source. */
    synchronized void tick() {
        LocalDateTime now = LocalDateTime.now(BureauCalendar.ZONE).withNano(0);
        if (configured(PROVINCIAL_VERTICAL)) {
            sendProvincialVertical(now);
        }
        if (configured(APPROVAL_SYSTEM)) {
            postApprovalBatch(now);
        }
        if (configured(BUSINESS_SYSTEM)) {
            writeBusinessRows(now);
        }
        if (configured(PROVINCIAL_DAILY)) {
            dropDailyFileOnce(now);
        }
        callGateway();
    }

    private String sequence(LocalDateTime now, int i) {
        return String.format("%06d", now.toLocalTime().toSecondOfDay() * 10 + i);
    }

    private DemoCase live(String caseNumber, List<ServiceItem> items, boolean personsOnly, LocalDateTime now, boolean mayStayOpen) {
        if (mayStayOpen && random.nextInt(10) < 3) {
            return DemoCases.next(random, caseNumber, items, personsOnly, now.minusMinutes(5 + random.nextInt(115)), null,
                    demo.faultRate());
        }
        LocalDateTime completed = now.minusMinutes(random.nextInt(10)).minusSeconds(random.nextInt(60));
        return DemoCases.next(random, caseNumber, items, personsOnly, completed.minusMinutes(20 + random.nextInt(220)), completed,
                demo.faultRate());
    }

    private void sendProvincialVertical(LocalDateTime now) {
        String topic = returnFlow.sources().get(PROVINCIAL_VERTICAL).kafka().topic();
        List<DemoCase> cases = new ArrayList<>();
        for (DemoCase c : open) {
            cases.add(c.completed(now.minusMinutes(random.nextInt(3))));
        }
        open.clear();
        int n = 2 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            DemoCase c = live("620900" + now.format(DAY) + sequence(now, i), VERTICAL_ITEMS, false, now, true);
            cases.add(c);
            if (c.completedAt() == null && c.fault() == DemoCases.Fault.NONE) {
                open.add(c);
            }
        }
        for (DemoCase c : cases) {
            String message = DemoCases.provincialVertical(c).toString();
            kafka.send(topic, c.caseNumber(), message);
            if (c.fault() == DemoCases.Fault.SENT_TWICE) {
                kafka.send(topic, c.caseNumber(), message);
            }
        }
    }

    private void postApprovalBatch(LocalDateTime now) {
        List<JsonNode> batch = new ArrayList<>();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            DemoCase c = live("JQ-SCJG-" + now.format(DAY) + "-" + sequence(now, i), MARKET_ITEMS, false, now, true);
            batch.add(DemoCases.approvalSystem(c));
            if (c.fault() == DemoCases.Fault.SENT_TWICE) {
                batch.add(DemoCases.approvalSystem(c));
            }
        }
        intake.receive(APPROVAL_SYSTEM, httpBatch(batch));
    }

    /** The batch as ReturnFlowController hands it to the intake: each element with its index and sender. */
    private static List<IncomingRecord> httpBatch(List<JsonNode> batch) {
        List<IncomingRecord> records = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Map<String, Object> origin = new LinkedHashMap<>();
            origin.put("channel", "http");
            origin.put("index", i);
            origin.put("by", "jq-approval-system (demo)");
            records.add(IncomingRecord.of(batch.get(i).toString(), batch.get(i), origin));
        }
        return records;
    }

    private void writeBusinessRows(LocalDateTime now) {
        List<Map<String, Object>> rows = new ArrayList<>();
        int n = 1 + random.nextInt(2);
        for (int i = 0; i < n; i++) {
            DemoCase c = live("JQ-YWXT-" + now.format(DAY) + "-" + sequence(now, i), ESTATE_ITEMS, false, now, true);
            Map<String, Object> row = DemoCases.businessSystemRow(c);
            // the system stamps a row when it writes it: the poller's watermark only moves forward
            row.put("updated_at", java.sql.Timestamp.valueOf(now));
            rows.add(row);
            if (c.fault() == DemoCases.Fault.SENT_TWICE) {
                rows.add(new LinkedHashMap<>(row));
            }
        }
        tables.insertCases(rows);
    }

    /**
     * Today's file and manifest, once a day: the manifest lists one case more than the file holds (a case that never
     * arrives). Not again if the hub already recorded today's manifest (a restart).
     */
    private void dropDailyFileOnce(LocalDateTime now) {
        LocalDate today = now.toLocalDate();
        if (today.equals(droppedFor) || completeness.reconcile(PROVINCIAL_DAILY, today).manifest()) {
            return;
        }
        Path directory = returnFlow.sources().get(PROVINCIAL_DAILY).file().directory();
        LocalDateTime from = now.minusHours(8).isBefore(today.atStartOfDay()) ? today.atStartOfDay() : now.minusHours(8);
        long minutes = Math.max(30, java.time.Duration.between(from, now).toMinutes());
        List<String> lines = new ArrayList<>();
        List<String> declared = new ArrayList<>();
        int n = 6 + random.nextInt(5);
        for (int i = 0; i < n; i++) {
            LocalDateTime completed = from.plusMinutes(random.nextLong(minutes));
            if (completed.isAfter(now)) {
                completed = now;
            }
            DemoCase c = DemoCases.next(random, "620900D" + today.format(DAY) + String.format("%03d", i + 1), DAILY_ITEMS, true,
                    completed.minusMinutes(15 + random.nextInt(90)), random.nextInt(5) == 0 ? null : completed, demo.faultRate());
            String line = DemoCases.csvLine(DemoCases.dailyFileRow(c));
            lines.add(line);
            if (c.fault() == DemoCases.Fault.SENT_TWICE) {
                lines.add(line);
            }
            declared.add(c.caseNumber());
        }
        declared.add("620900D" + today.format(DAY) + String.format("%03d", n + 1));
        try {
            Files.createDirectories(directory);
            write(directory, "cases-" + today.format(DAY) + ".csv", String.join(",", DemoCases.DAILY_HEADER), lines);
            write(directory, "manifest-" + today.format(DAY) + ".csv", "办件编号", declared);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot drop the demo's daily file into " + directory, e);
        }
        droppedFor = today;
    }

    /** Written under another name and moved, so the file route never reads half a file. */
    private static void write(Path directory, String name, String header, List<String> lines) throws IOException {
        Path part = directory.resolve(name + ".part");
        Files.writeString(part, header + "\r\n" + String.join("\r\n", lines) + "\r\n", GBK);
        Files.move(part, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private void callGateway() {
        var companies = DemoCompanies.creditCodes();
        String creditCode = random.nextInt(10) == 0 ? DemoCompanies.UNKNOWN_CREDIT_CODE : companies.get(random.nextInt(companies.size()));
        try {
            gateway.call(DemoSeeder.consumer(DemoSeeder.ESTATE_SYSTEM), licenceCode(), DemoCity.LICENCE_OPERATION,
                    Map.of("creditCode", creditCode));
        } catch (RegistryException e) {
            log.debug("Demo gateway call answered {}", e.code());
        }
    }

    private volatile String licenceCode;

    /** The resource code the seeder gave the business licence entry. */
    void licenceCode(String resourceCode) {
        this.licenceCode = resourceCode;
    }

    private String licenceCode() {
        return licenceCode;
    }

    // ---------------------------------------------------------------------------------------------------- history

    /** What a back-fill did, per source: records handed to the intake (0 where the source already had history). */
    record Backfill(Map<String, Integer> records) {
    }

    /**
     * The past {@code history-days} days of every demo source that has no statistics in that window yet: a few records
     * per day (fewer at weekends), dated on the day, received that evening. Deterministic per day.
     */
    Backfill backfill() {
        LocalDate today = LocalDate.now(BureauCalendar.ZONE);
        Map<String, Integer> sent = new LinkedHashMap<>();
        if (demo.historyDays() == 0) {
            return new Backfill(sent);
        }
        LocalDate first = today.minusDays(demo.historyDays());
        var statistics = completeness.statistics(first, today.minusDays(1), null);
        for (String source : SOURCES) {
            boolean hasHistory = statistics.sources().stream().anyMatch(s -> s.sourceId().equals(source) && s.received() > 0);
            if (!configured(source) || hasHistory) {
                continue;
            }
            int total = 0;
            for (LocalDate day = first; day.isBefore(today); day = day.plusDays(1)) {
                total += backfill(source, day);
            }
            sent.put(source, total);
        }
        if (!sent.isEmpty()) {
            log.info("Demo return-flow history back-filled from {}: {}", first, sent);
        }
        return new Backfill(sent);
    }

    private int backfill(String source, LocalDate day) {
        Random r = new Random(day.toEpochDay() * 31 + source.hashCode());
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        int base = switch (source) {
            case PROVINCIAL_VERTICAL -> 10 + r.nextInt(7);
            case APPROVAL_SYSTEM -> 5 + r.nextInt(5);
            case BUSINESS_SYSTEM -> 4 + r.nextInt(4);
            default -> 6 + r.nextInt(5);
        };
        int n = weekend ? Math.max(1, base / 3) : base;
        LocalDateTime evening = day.atTime(LocalTime.of(20, 0)).plusMinutes(r.nextInt(60));
        OffsetDateTime receivedAt = evening.atZone(BureauCalendar.ZONE).toOffsetDateTime();
        List<IncomingRecord> records = new ArrayList<>();
        List<String> declared = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String number = switch (source) {
                case PROVINCIAL_VERTICAL -> "620900" + day.format(DAY) + String.format("%06d", i + 1);
                case APPROVAL_SYSTEM -> "JQ-SCJG-" + day.format(DAY) + "-" + String.format("%06d", i + 1);
                case BUSINESS_SYSTEM -> "JQ-YWXT-" + day.format(DAY) + "-" + String.format("%06d", i + 1);
                default -> "620900D" + day.format(DAY) + String.format("%03d", i + 1);
            };
            DemoCase c = historic(r, number, source, day);
            declared.add(c.caseNumber());
            int copies = c.fault() == DemoCases.Fault.SENT_TWICE ? 2 : 1;
            for (int k = 0; k < copies; k++) {
                records.add(historicRecord(source, c));
            }
            if (source.equals(PROVINCIAL_VERTICAL) && c.completedAt() == null && c.fault() == DemoCases.Fault.NONE && r.nextBoolean()) {
                LocalDateTime done = c.acceptedAt().plusMinutes(30 + r.nextInt(90));
                if (done.isBefore(evening)) {
                    records.add(historicRecord(source, c.completed(done)));
                }
            }
        }
        intake.receive(source, records, receivedAt);
        if (source.equals(PROVINCIAL_DAILY)) {
            if (r.nextInt(10) < 3) {
                declared.add("620900D" + day.format(DAY) + String.format("%03d", n + 1));
            }
            manifests.record(new Manifest(source, day, declared, null));
        }
        return records.size();
    }

    private DemoCase historic(Random r, String number, String source, LocalDate day) {
        List<ServiceItem> items = switch (source) {
            case PROVINCIAL_VERTICAL -> VERTICAL_ITEMS;
            case APPROVAL_SYSTEM -> MARKET_ITEMS;
            case BUSINESS_SYSTEM -> ESTATE_ITEMS;
            default -> DAILY_ITEMS;
        };
        LocalDateTime at = day.atTime(8, 30).plusMinutes(r.nextInt(540));
        if (r.nextInt(10) < 2) {
            return DemoCases.next(r, number, items, source.equals(PROVINCIAL_DAILY), at, null, demo.faultRate());
        }
        // most cases are done within hours; some took days, and a few of those came in late (yellow and red cards)
        LocalDateTime accepted = r.nextInt(12) == 0 ? at.minusDays(2 + r.nextInt(13)) : at.minusMinutes(20 + r.nextInt(300));
        return DemoCases.next(r, number, items, source.equals(PROVINCIAL_DAILY), accepted, at, demo.faultRate());
    }

    /** The record as the source's channel would have handed it to the intake, marked as back-filled history. */
    private static IncomingRecord historicRecord(String source, DemoCase c) {
        Map<String, Object> origin = new LinkedHashMap<>();
        origin.put("channel", "demo-history");
        origin.put("shape", source);
        return switch (source) {
            case PROVINCIAL_VERTICAL -> {
                JsonNode n = DemoCases.provincialVertical(c);
                yield IncomingRecord.of(n.toString(), n, origin);
            }
            case APPROVAL_SYSTEM -> {
                JsonNode n = DemoCases.approvalSystem(c);
                yield IncomingRecord.of(n.toString(), n, origin);
            }
            case BUSINESS_SYSTEM -> {
                Map<String, Object> row = DemoCases.businessSystemRow(c);
                yield IncomingRecord.of(row.toString(), row, origin);
            }
            default -> {
                Map<String, Object> row = DemoCases.dailyFileRow(c);
                yield IncomingRecord.of(DemoCases.csvLine(row), row, origin);
            }
        };
    }
}

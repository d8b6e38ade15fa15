package org.exchangehub.hub.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.exchangehub.catalog.code.ResidentIdNumber;
import org.exchangehub.catalog.code.UnifiedSocialCreditCode;
import org.exchangehub.catalog.department.Department;
import org.exchangehub.catalog.department.DepartmentService;
import org.exchangehub.catalog.item.ServiceItem;
import org.exchangehub.catalog.item.ServiceItemCategory;
import org.exchangehub.catalog.item.ServiceItemService;
import org.exchangehub.hub.HubApplication;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The return-flow benchmark ({@code ./hub benchmark -Dit.test=ReturnFlowBenchmark}, see docs/benchmarks.md):
 * {@code benchmark.cases} (default 1,000,000) generated provincial case records, some invalid, sent as fast as the
 * producer goes to the Kafka topic of source provincial-vertical, through the hub's consumer, mapping, quality checks
 * and storage in PostgreSQL, and forwarded to the provincial case centre stub (WireMock, same JVM). Measures records per
 * second end to end and the delay of each record from its send to its storage and to its acknowledgement by the
 * centre (p50, p95, p99); then, as the baseline, PostgreSQL's own bulk-insert rate: COPY of the same stored rows into
 * a scratch table. Writes target/benchmark/return-flow-benchmark.md. Nothing here asserts a timing.
 */
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReturnFlowBenchmark {

    static final int CASES = Integer.getInteger("benchmark.cases", 1_000_000);
    /** Records per second sent, 0 for as fast as the producer goes (a backlog builds: delays then measure the queue). */
    static final int RATE = Integer.getInteger("benchmark.rate", 0);
    static final String SOURCE = "provincial-vertical";
    static final String TOPIC = "hub.return-flow.provincial-vertical";
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    DataSource dataSource;

    @Autowired
    DepartmentService departments;

    @Autowired
    ServiceItemService items;

    @Test
    void caseRecordsThroughTheHub() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        SplittableRandom random = new SplittableRandom(20261123);
        List<String> departmentCodes = new ArrayList<>();
        List<String> itemCodes = new ArrayList<>();
        for (int d = 0; d < 20; d++) {
            String first17 = "11620900MB" + String.format("%07d", 100 + d);
            String code = first17 + UnifiedSocialCreditCode.checkCharacterFor(first17);
            departments.save(new Department(code, "基准部门" + d, "620900"));
            departmentCodes.add(code);
            for (int i = 0; i < 10; i++) {
                String item = code + "400" + String.format("%04d", i);
                items.save(new ServiceItem(item, "基准事项" + d + "-" + i, i < 7 ? ServiceItemCategory.ADMINISTRATIVE_POWER
                        : ServiceItemCategory.PUBLIC_SERVICE, code));
                itemCodes.add(item);
            }
        }
        String prefix = "6209B" + Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
        long receivedBefore = received(jdbc);
        System.out.printf("[return-flow-benchmark] %,d records, prefix %s%n", CASES, prefix);

        long[] sentAt = new long[CASES];
        int invalid = 0;
        int duplicates = 0;
        LocalDateTime base = LocalDateTime.now(BEIJING).minusDays(2).withHour(9);
        long start = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        for (int i = 0; i < CASES; i++) {
            String caseNo = prefix + String.format("%08d", i);
            int fault = random.nextInt(1000);
            String value;
            if (fault < 5) {
                value = "{\"SBLSH\":\"" + caseNo + "\", truncated"; // poison: 0.5%
                invalid++;
            } else {
                if (fault < 60) {
                    invalid++; // 5.5% fail a rule
                }
                if (fault >= 60 && fault < 70) {
                    duplicates++; // 1% sent twice
                }
                value = record(caseNo, random, departmentCodes, itemCodes, base, fault);
            }
            if (RATE > 0) {
                long due = start + (long) i * 1_000_000_000L / RATE; // open loop: the delay counts from the scheduled time
                while (System.nanoTime() < due) {
                    java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
                }
                sentAt[i] = startMillis + (long) i * 1000L / RATE;
            } else {
                sentAt[i] = System.currentTimeMillis();
            }
            kafka.send(TOPIC, caseNo, value);
            if (fault >= 60 && fault < 70) {
                kafka.send(TOPIC, caseNo, value);
            }
        }
        kafka.flush();
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        long expected = (long) CASES + duplicates;
        System.out.printf("[return-flow-benchmark] sent %,d messages in %.1f s (%d invalid, %d duplicates)%n", expected, sendSeconds,
                invalid, duplicates);

        await().atMost(Duration.ofHours(2)).pollInterval(Duration.ofMillis(250))
                .until(() -> received(jdbc) - receivedBefore >= expected);
        double storedSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("[return-flow-benchmark] all received and stored after %.1f s%n", storedSeconds);
        await().atMost(Duration.ofHours(2)).pollInterval(Duration.ofMillis(250))
                .until(() -> jdbc.queryForObject("select count(*) from case_forward where forwarded_at is null", Long.class) == 0);
        double forwardedSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("[return-flow-benchmark] all passed records forwarded after %.1f s%n", forwardedSeconds);

        long stored = jdbc.queryForObject("select count(*) from case_record_version where case_number like ?", Long.class, prefix + "%");
        long failed = jdbc.queryForObject("select count(*) from case_failure where case_number like ? or (case_number is null and raw like ?)",
                Long.class, prefix + "%", "%" + prefix + "%");
        long forwarded = jdbc.queryForObject("select count(*) from case_forward where case_number like ?", Long.class, prefix + "%");
        long[] toStore = delays(jdbc, "select case_number, received_at from case_record_version where case_number like ?", prefix, sentAt, startMillis);
        long[] toForward = delays(jdbc, "select case_number, forwarded_at from case_forward where case_number like ?", prefix, sentAt, startMillis);

        // the baseline: PostgreSQL's own bulk insert (COPY) of the same stored rows into a scratch table
        Path dump = Files.createTempFile("return-flow-benchmark", ".copy");
        double copySeconds;
        try (Connection c = dataSource.getConnection()) {
            PGConnection pg = c.unwrap(PGConnection.class);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dump))) {
                pg.getCopyAPI().copyOut("copy (select source_id, case_number, version_key, version_rank, accepting_department_code,"
                        + " completed_at, received_at, record, raw, origin from case_record_version where case_number like '"
                        + prefix + "%') to stdout", out);
            }
            try (var s = c.createStatement()) {
                s.execute("drop table if exists benchmark_copy_scratch");
                s.execute("create table benchmark_copy_scratch (like case_record_version including all)");
            }
            long t = System.nanoTime();
            try (InputStream in = new BufferedInputStream(Files.newInputStream(dump))) {
                pg.getCopyAPI().copyIn("copy benchmark_copy_scratch (source_id, case_number, version_key, version_rank,"
                        + " accepting_department_code, completed_at, received_at, record, raw, origin) from stdin", in);
            }
            copySeconds = (System.nanoTime() - t) / 1e9;
            try (var s = c.createStatement()) {
                s.execute("drop table benchmark_copy_scratch");
            }
        } finally {
            Files.deleteIfExists(dump);
        }

        double hubRate = expected / storedSeconds;
        double copyRate = stored / copySeconds;
        String report = String.join("\n",
                "# Return-flow benchmark",
                "",
                "Generated " + String.format("%,d", CASES) + " case records (" + invalid + " invalid, " + duplicates
                        + " sent twice) through Kafka → mapping → quality checks → PostgreSQL → forward stub, on the embedded components, "
                        + (RATE > 0 ? "sent at " + RATE + " records/s." : "sent as fast as the producer goes."),
                "",
                "| measure | value |",
                "|---|---|",
                String.format("| messages sent (incl. duplicates) | %,d in %.1f s |", expected, sendSeconds),
                String.format("| stored versions / failures / forwarded | %,d / %,d / %,d |", stored, failed, forwarded),
                String.format("| end to end, received and stored | %.1f s, **%,.0f records/s** |", storedSeconds, hubRate),
                String.format("| end to end, forwarded and acknowledged | %.1f s, %,.0f records/s |", forwardedSeconds, forwarded / forwardedSeconds),
                String.format("| delay send → stored p50 / p95 / p99 | %,d / %,d / %,d ms |", p(toStore, 50), p(toStore, 95), p(toStore, 99)),
                String.format("| delay send → acknowledged by the centre p50 / p95 / p99 | %,d / %,d / %,d ms |", p(toForward, 50),
                        p(toForward, 95), p(toForward, 99)),
                String.format("| baseline: PostgreSQL COPY of the same %,d rows | %.1f s, **%,.0f rows/s** |", stored, copySeconds, copyRate),
                String.format("| hub rate / COPY rate | %.2f |", hubRate / copyRate),
                "",
                "Delays are from a record's send (the producer is not throttled, so a backlog builds and the delay grows with the",
                "position of the record in the run); the rates are the figures to compare.");
        System.out.println("[return-flow-benchmark]\n" + report);
        Path out = Path.of("target", "benchmark", "return-flow-benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report + "\n");
        assertThat(stored + failed).isGreaterThan(0);
    }

    static long received(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select coalesce(sum(received), 0) from case_intake_day where source_id = ?", Long.class, SOURCE);
    }

    static String record(String caseNo, SplittableRandom random, List<String> departments, List<String> items, LocalDateTime base, int fault) {
        String department = departments.get(random.nextInt(departments.size()));
        String item = fault >= 5 && fault < 15 ? "UNKNOWN" + random.nextInt(100) : items.get(random.nextInt(items.size()));
        String first17 = "620902" + (1950 + random.nextInt(55)) + String.format("%02d%02d", 1 + random.nextInt(12), 1 + random.nextInt(28))
                + String.format("%03d", random.nextInt(1000));
        String id = first17 + ResidentIdNumber.checkCharacterFor(first17);
        if (fault >= 15 && fault < 45) {
            id = id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');
        }
        LocalDateTime accepted = base.plusMinutes(random.nextInt(600));
        LocalDateTime completed = fault >= 45 && fault < 60 ? accepted.minusMinutes(5) : accepted.plusMinutes(30 + random.nextInt(600));
        return "{\"SBLSH\":\"" + caseNo + "\",\"SXBM\":\"" + item + "\",\"SXMC\":\"基准事项\",\"SQRLX\":\"1\",\"SQRMC\":\"张三\","
                + "\"SQRZJLX\":\"10\",\"SQRZJHM\":\"" + id + "\",\"SLBMDM\":\"" + department + "\",\"XZQHDM\":\"620900\",\"SBQD\":\""
                + (1 + random.nextInt(3)) + "\",\"SQSJ\":\"" + accepted.minusMinutes(15).format(TIME) + "\",\"SLSJ\":\"" + accepted.format(TIME)
                + "\",\"BJSJ\":\"" + completed.format(TIME) + "\",\"CNBJSX\":\"3\",\"FDBJSX\":\"15\",\"BLZT\":\"6\",\"BJJG\":\"1\",\"GXSJ\":\""
                + completed.plusMinutes(1).format(TIME) + "\"}";
    }

    /** Milliseconds from each record's send to the time in the query's second column, sorted. */
    static long[] delays(JdbcTemplate jdbc, String sql, String prefix, long[] sentAt, long startMillis) {
        List<Long> list = new ArrayList<>(sentAt.length);
        jdbc.query(sql, rs -> {
            String caseNo = rs.getString(1);
            java.sql.Timestamp at = rs.getTimestamp(2);
            if (at != null) {
                int i = Integer.parseInt(caseNo.substring(prefix.length()));
                list.add(Math.max(0, at.getTime() - sentAt[i]));
            }
        }, prefix + "%");
        long[] d = list.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(d);
        return d;
    }

    static long p(long[] sorted, int percentile) {
        if (sorted.length == 0) {
            return -1;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }
}

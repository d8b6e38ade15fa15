package org.exchangehub.hub.returnflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.exchangehub.returnflow.intake.CaseIntake;
import org.exchangehub.returnflow.record.IncomingRecord;
import org.exchangehub.returnflow.source.SourceWatermarks;
import org.exchangehub.returnflow.source.SourceWatermarks.Watermark;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a self-built system's table incrementally: the rows after the stored (watermark, key), ordered by them, a
 * batch at a time. A batch and the new watermark are stored in one transaction of the hub's database, so a crash
 * neither skips rows nor stores them twice; a row changed later comes again with its newer watermark and is stored
 * as the case's newer version. The table and column names come from validated configuration (identifiers only).
 */
final class DatabasePoller {

    private static final Logger log = LoggerFactory.getLogger(DatabasePoller.class);

    private final String sourceId;
    private final ReturnFlowProperties.DatabaseChannel settings;
    private final JdbcTemplate jdbc;
    private final CaseIntake intake;
    private final SourceWatermarks watermarks;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final String firstQuery;
    private final String nextQuery;
    private volatile String lastProblem;
    private volatile boolean tableSeen;

    DatabasePoller(String sourceId, ReturnFlowProperties.DatabaseChannel settings, DataSource source, CaseIntake intake,
                   SourceWatermarks watermarks, TransactionTemplate transaction, ObjectMapper json) {
        this.sourceId = sourceId;
        this.settings = settings;
        this.jdbc = new JdbcTemplate(source);
        this.jdbc.setQueryTimeout(60);
        this.intake = intake;
        this.watermarks = watermarks;
        this.transaction = transaction;
        this.json = json;
        String w = settings.watermarkColumn();
        String k = settings.keyColumn();
        String order = " order by " + w + ", " + k + " limit " + settings.batchSize();
        this.firstQuery = "select * from " + settings.table() + " where " + w + " is not null" + order;
        this.nextQuery = "select * from " + settings.table() + " where " + w + " > ? or (" + w + " = ? and " + k + " > ?)" + order;
    }

    /** Reads until the table has nothing newer. Problems (the table missing, the database away) are logged once each. */
    int pollAll() {
        int total = 0;
        try {
            if (!tableSeen && !tableExists()) {
                problem("the table does not exist yet");
                return 0; // asked through the driver's metadata, so the source's database logs no error every poll
            }
            tableSeen = true;
            int n;
            do {
                n = pollOnce();
                total += n;
            } while (n == settings.batchSize());
            if (lastProblem != null) {
                log.info("Return flow source {}: table {} readable again", sourceId, settings.table());
                lastProblem = null;
            }
        } catch (RuntimeException e) {
            problem(org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e).getMessage());
            tableSeen = false;
        }
        return total;
    }

    private void problem(String problem) {
        if (!Objects.equals(problem, lastProblem)) {
            log.warn("Return flow source {}: cannot read table {} ({}); trying again every {}", sourceId, settings.table(), problem,
                    settings.pollInterval());
            lastProblem = problem;
        }
    }

    private boolean tableExists() {
        String table = settings.table();
        String schema = table.contains(".") ? table.substring(0, table.indexOf('.')) : null;
        String name = table.substring(table.indexOf('.') + 1);
        Boolean exists = jdbc.execute((java.sql.Connection c) -> {
            var meta = c.getMetaData();
            for (String n : new String[] {name, name.toLowerCase(java.util.Locale.ROOT), name.toUpperCase(java.util.Locale.ROOT)}) {
                String s = schema == null ? null : meta.storesUpperCaseIdentifiers() ? schema.toUpperCase(java.util.Locale.ROOT)
                        : meta.storesLowerCaseIdentifiers() ? schema.toLowerCase(java.util.Locale.ROOT) : schema;
                try (var rs = meta.getTables(null, s, n, null)) {
                    if (rs.next()) {
                        return true;
                    }
                }
            }
            return false;
        });
        return Boolean.TRUE.equals(exists);
    }

    int pollOnce() {
        Watermark w = watermarks.find(sourceId).orElse(null);
        List<Map<String, Object>> rows = w == null ? jdbc.queryForList(firstQuery)
                : jdbc.queryForList(nextQuery, decode(w.watermark()), decode(w.watermark()), decode(w.lastKey()));
        if (rows.isEmpty()) {
            return 0;
        }
        List<IncomingRecord> records = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            Map<String, Object> origin = new LinkedHashMap<>();
            origin.put("channel", "database");
            origin.put("table", settings.table());
            origin.put("key", String.valueOf(row.get(settings.keyColumn())));
            records.add(IncomingRecord.of(text(row), row, origin));
        }
        Map<String, Object> last = rows.get(rows.size() - 1);
        Watermark next = new Watermark(encode(last.get(settings.watermarkColumn())), encode(last.get(settings.keyColumn())));
        transaction.executeWithoutResult(status -> {
            intake.receive(sourceId, records);
            watermarks.save(sourceId, next);
        });
        return rows.size();
    }

    private String text(Map<String, Object> row) {
        Map<String, Object> copy = new LinkedHashMap<>();
        row.forEach((k, v) -> copy.put(k, v instanceof Timestamp t ? t.toLocalDateTime().toString() : v));
        try {
            return json.writeValueAsString(copy);
        } catch (Exception e) {
            return copy.toString();
        }
    }

    static String encode(Object value) {
        if (value instanceof Timestamp t) {
            return "ts:" + t.toLocalDateTime();
        }
        if (value instanceof LocalDateTime t) {
            return "ts:" + t;
        }
        if (value instanceof OffsetDateTime t) {
            return "tz:" + t;
        }
        if (value instanceof Number n) {
            return "n:" + n;
        }
        return "s:" + value;
    }

    static Object decode(String text) {
        String value = text.substring(text.indexOf(':') + 1);
        return switch (text.substring(0, text.indexOf(':'))) {
            case "ts" -> Timestamp.valueOf(LocalDateTime.parse(value));
            case "tz" -> OffsetDateTime.parse(value);
            case "n" -> new BigDecimal(value);
            default -> value;
        };
    }
}

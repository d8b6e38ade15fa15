package org.exchangehub.hub.returnflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exchangehub.catalog.RegistryException;
import org.exchangehub.catalog.tabular.Row;
import org.exchangehub.catalog.tabular.Table;
import org.exchangehub.catalog.tabular.TabularFormatException;
import org.exchangehub.catalog.tabular.TabularReader;
import org.exchangehub.returnflow.completeness.Manifest;
import org.exchangehub.returnflow.completeness.Manifests;
import org.exchangehub.returnflow.intake.CaseIntake;
import org.exchangehub.returnflow.record.IncomingRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One dropped file of a source: records as CSV (UTF-8 or GBK, a header line) or JSON (an array, or one object per
 * line), or a daily manifest ({@code manifest-20261123.csv}: one case number per line under a header, or JSON: an
 * array of case numbers or {@code {"caseNumbers":[…]}} or {@code {"count":n}}). A file that cannot be read at all is
 * kept as one UNREADABLE failure with its content, so nothing is lost.
 */
final class FileDrop {

    private static final Logger log = LoggerFactory.getLogger(FileDrop.class);
    private static final int BATCH = 1000;
    private static final int RAW_LIMIT = 100_000;
    private static final Charset GBK = Charset.forName("GBK");

    private final String sourceId;
    private final Pattern manifestPattern;
    private final CaseIntake intake;
    private final Manifests manifests;
    private final ObjectMapper json;

    FileDrop(String sourceId, String manifestPattern, CaseIntake intake, Manifests manifests, ObjectMapper json) {
        this.sourceId = sourceId;
        this.manifestPattern = Pattern.compile(manifestPattern);
        this.intake = intake;
        this.manifests = manifests;
        this.json = json;
    }

    void handle(String fileName, byte[] content) {
        Matcher manifest = manifestPattern.matcher(fileName);
        if (manifest.matches()) {
            manifest(fileName, manifest.group(1), content);
            return;
        }
        List<IncomingRecord> records = fileName.toLowerCase(Locale.ROOT).endsWith(".json") ? json(fileName, content) : csv(fileName, content);
        for (int from = 0; from < records.size(); from += BATCH) {
            intake.receive(sourceId, records.subList(from, Math.min(records.size(), from + BATCH)));
        }
        log.info("Return flow source {}: file {} read, {} records", sourceId, fileName, records.size());
    }

    private List<IncomingRecord> csv(String fileName, byte[] content) {
        Table table;
        try {
            table = TabularReader.read(fileName, new java.io.ByteArrayInputStream(content));
        } catch (TabularFormatException e) {
            return List.of(IncomingRecord.unreadable(truncate(decode(content)), "the file " + fileName + " is not a readable CSV: "
                    + e.getMessage(), origin(fileName, null)));
        }
        List<IncomingRecord> records = new ArrayList<>(table.rows().size());
        for (Row row : table.rows()) {
            Map<String, Object> values = new LinkedHashMap<>(row.values());
            records.add(IncomingRecord.of(String.join(",", row.values().values()), values, origin(fileName, row.rowNumber())));
        }
        return records;
    }

    private List<IncomingRecord> json(String fileName, byte[] content) {
        String text = decode(content);
        List<IncomingRecord> records = new ArrayList<>();
        try {
            JsonNode root = json.readTree(text);
            if (root != null && root.isArray()) {
                for (int i = 0; i < root.size(); i++) {
                    JsonNode e = root.get(i);
                    records.add(e.isObject() ? IncomingRecord.of(e.toString(), e, origin(fileName, i + 1))
                            : IncomingRecord.unreadable(e.toString(), "expected a JSON object", origin(fileName, i + 1)));
                }
                return records;
            }
        } catch (Exception notOneDocument) {
            // one object per line, perhaps
        }
        String[] lines = text.split("\\r?\\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                JsonNode e = json.readTree(line);
                records.add(e != null && e.isObject() ? IncomingRecord.of(line, e, origin(fileName, i + 1))
                        : IncomingRecord.unreadable(line, "expected a JSON object", origin(fileName, i + 1)));
            } catch (Exception e) {
                records.add(IncomingRecord.unreadable(truncate(line), "not JSON: " + e.getMessage().lines().findFirst().orElse(""),
                        origin(fileName, i + 1)));
            }
        }
        return records;
    }

    private void manifest(String fileName, String day, byte[] content) {
        LocalDate date;
        try {
            date = LocalDate.parse(day, DateTimeFormatter.BASIC_ISO_DATE);
        } catch (Exception e) {
            log.warn("Return flow source {}: manifest {} ignored: expected a day yyyyMMdd in its name, got {}", sourceId, fileName, day);
            return;
        }
        List<String> numbers = new ArrayList<>();
        Integer count = null;
        if (fileName.toLowerCase(Locale.ROOT).endsWith(".json")) {
            try {
                JsonNode root = json.readTree(decode(content));
                JsonNode list = root.isArray() ? root : root.path("caseNumbers");
                list.forEach(n -> numbers.add(n.asText()));
                if (root.has("count")) {
                    count = root.path("count").asInt();
                }
            } catch (Exception e) {
                log.warn("Return flow source {}: manifest {} is not JSON: {}", sourceId, fileName, e.getMessage());
                return;
            }
        } else {
            for (String line : decode(content).split("\\r?\\n")) {
                String n = line.split(",", 2)[0].strip().replace("\"", "").replace("\uFEFF", "");
                if (!n.isEmpty()) {
                    numbers.add(n);
                }
            }
            if (!numbers.isEmpty() && !numbers.get(0).matches(".*\\d.*")) {
                numbers.remove(0); // the header, e.g. 办件编号
            }
        }
        try {
            int declared = manifests.record(new Manifest(sourceId, date, numbers, count));
            log.info("Return flow source {}: manifest {} for {}: {} declared", sourceId, fileName, date, declared);
        } catch (RegistryException e) {
            log.warn("Return flow source {}: manifest {} refused: {} {}", sourceId, fileName, e.getMessage(), e.fieldProblems());
        }
    }

    private Map<String, Object> origin(String fileName, Integer line) {
        Map<String, Object> origin = new LinkedHashMap<>();
        origin.put("channel", "file");
        origin.put("file", fileName);
        if (line != null) {
            origin.put("line", line);
        }
        return origin;
    }

    /** Strict UTF-8 (a byte-order mark dropped) when the bytes are UTF-8, else GBK. */
    static String decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, GBK);
        }
    }

    private static String truncate(String text) {
        return text.length() > RAW_LIMIT ? text.substring(0, RAW_LIMIT) + "…(" + text.length() + " characters)" : text;
    }
}

package org.exchangehub.mapping;

import static org.exchangehub.mapping.ConfigReader.child;
import static org.exchangehub.mapping.ConfigReader.element;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Turns a schema-valid config tree into field rules, making the checks the schema cannot: source paths, date
 * patterns, zones, regular expressions, code tables, constants and defaults against their field's type, and the
 * standard case record's fields. The only place where formatters, patterns and zones are built (ArchUnit keeps it so).
 */
final class ConfigCompiler {

    static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private static final List<String> CONSTANT_EXCLUDES = List.of("codeTable", "transforms", "format", "default", "trim");
    private static final ZonedDateTime SAMPLE = ZonedDateTime.of(2026, 11, 23, 9, 15, 2, 0, DEFAULT_ZONE);

    private final String origin;
    private final List<ConfigProblem> problems = new ArrayList<>();

    ConfigCompiler(String origin) {
        this.origin = origin;
    }

    /** The compiled config, or null when {@link #problems()} says why not. */
    MappingConfig compile(JsonNode root) {
        String name = root.path("name").asText();
        String description = root.path("description").asText("");
        MappingTarget target = MappingTarget.ofConfigName(root.path("target").asText())
                .orElseThrow(() -> new IllegalStateException("the schema admits only known targets"));
        ZoneId zone = root.has("zone") ? zone(root.get("zone"), "zone") : DEFAULT_ZONE;
        JsonNode tables = root.path("codeTables");
        JsonNode fields = root.get("fields");
        List<FieldRule> rules = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : fields.properties()) {
            FieldRule rule = field(target, field.getKey(), field.getValue(), zone == null ? DEFAULT_ZONE : zone, tables);
            if (rule != null) {
                rules.add(rule);
            }
        }
        if (target == MappingTarget.CASE_RECORD) {
            List<String> unmapped = Arrays.stream(CaseRecordField.values())
                    .filter(f -> f.mandatory() && !fields.has(f.fieldName())).map(CaseRecordField::fieldName).toList();
            if (!unmapped.isEmpty()) {
                problem("fields", fields, "the standard case record needs " + mandatoryFields() + "; not mapped: "
                        + String.join(", ", unmapped));
            }
        }
        return problems.isEmpty() ? new MappingConfig(name, description, target, zone, origin, rules) : null;
    }

    List<ConfigProblem> problems() {
        return List.copyOf(new LinkedHashSet<>(problems)); // a named code table used twice reports its faults once
    }

    private FieldRule field(MappingTarget target, String name, JsonNode node, ZoneId configZone, JsonNode tables) {
        String at = child("fields", name);
        int before = problems.size();
        CaseRecordField standard = null;
        if (target == MappingTarget.CASE_RECORD) {
            standard = CaseRecordField.ofFieldName(name).orElse(null);
            if (standard == null) {
                problem(at, node, "not a field of the standard case record" + suggestion(name)
                        + "; its fields are " + Arrays.stream(CaseRecordField.values()).map(CaseRecordField::fieldName)
                        .collect(Collectors.joining(", ")));
                return null;
            }
        }
        FieldType type = type(node, at, standard);
        boolean hasFrom = node.has("from");
        boolean hasConstant = node.has("constant");
        if (hasFrom == hasConstant) {
            problem(at, node, hasFrom ? "give either 'from' or 'constant', not both"
                    : "needs 'from' (where the value is in the source record) or 'constant' (a fixed value)");
        }
        if (hasConstant) {
            for (String key : CONSTANT_EXCLUDES) {
                if (node.has(key)) {
                    problem(child(at, key), node.get(key), "does not apply to a constant, which is written as the target value");
                }
            }
        }
        if (!type.isTemporal() && node.has("format")) {
            problem(child(at, "format"), node.get("format"), "applies only to date and datetime fields; this field is "
                    + type.configName());
        }
        if (type != FieldType.DATETIME && node.has("zone")) {
            // a date without a time is taken as written; one with an offset or an epoch number becomes the config zone's date
            problem(child(at, "zone"), node.get("zone"), "applies only to datetime fields; this field is " + type.configName());
        }
        ZoneId zone = node.has("zone") ? zone(node.get("zone"), child(at, "zone")) : configZone;
        if (zone == null || type != FieldType.DATETIME) {
            zone = configZone;
        }
        TemporalFormat[] formats = type.isTemporal() ? formats(node.get("format"), child(at, "format"), type, zone) : new TemporalFormat[0];
        ValueReader reader = new ValueReader(type, formats, zone, configZone);
        // constants, defaults and code table values are written as the target's values: dates and times in ISO-8601
        ValueReader targetReader = new ValueReader(type, type.isTemporal() ? iso(type) : new TemporalFormat[0], configZone, configZone);

        List<SourcePath> sources = hasFrom ? sources(node.get("from"), child(at, "from")) : List.of();
        List<Transform> transforms = node.has("transforms") ? transforms(node.get("transforms"), child(at, "transforms")) : List.of();
        CodeLookup codes = node.has("codeTable") && !hasConstant
                ? codeTable(node.get("codeTable"), child(at, "codeTable"), tables, targetReader, standard, at) : null;
        Object constant = hasConstant ? targetValue(node.get("constant"), child(at, "constant"), targetReader, standard, "") : null;
        Object defaultValue = node.has("default") && !hasConstant
                ? targetValue(node.get("default"), child(at, "default"), targetReader, standard, "") : null;

        boolean required = node.path("required").asBoolean(false);
        if (standard != null && standard.mandatory()) {
            if (node.has("required") && !required) {
                problem(child(at, "required"), node.get("required"), "the standard case record's " + name
                        + " is always required; remove 'required: false'");
            }
            required = true;
        }
        boolean trim = node.path("trim").asBoolean(true);
        if (problems.size() > before) {
            return null;
        }
        return new FieldRule(name, sources, constant, defaultValue, required, trim, transforms, codes, reader);
    }

    private FieldType type(JsonNode node, String at, CaseRecordField standard) {
        JsonNode written = node.get("type");
        if (written == null) {
            return standard != null ? standard.type() : FieldType.STRING;
        }
        FieldType type = FieldType.ofConfigName(written.asText())
                .orElseThrow(() -> new IllegalStateException("the schema admits only known types"));
        if (standard != null && type != standard.type()) {
            problem(child(at, "type"), written, "the standard case record's " + standard.fieldName() + " is "
                    + standard.type().configName() + ", not " + type.configName() + " (leave 'type' out to take the standard one)");
        }
        return type;
    }

    private List<SourcePath> sources(JsonNode from, String at) {
        List<SourcePath> sources = new ArrayList<>();
        if (from.isArray()) {
            for (int i = 0; i < from.size(); i++) {
                SourcePath path = sourcePath(from.get(i), element(at, i));
                if (path != null) {
                    sources.add(path);
                }
            }
        } else {
            SourcePath path = sourcePath(from, at);
            if (path != null) {
                sources.add(path);
            }
        }
        return sources;
    }

    private SourcePath sourcePath(JsonNode node, String at) {
        try {
            return SourcePath.parse(node.asText());
        } catch (IllegalArgumentException e) {
            problem(at, node, "\"" + node.asText() + "\" is not a source path: " + e.getMessage()
                    + "; write names separated by dots (applicant.id.number), indexes in brackets (stages[0], [-1] for the"
                    + " last), and names with dots or brackets quoted (['a.b'])");
            return null;
        }
    }

    private List<Transform> transforms(JsonNode list, String at) {
        List<Transform> transforms = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            String here = element(at, i);
            if (node.isTextual()) {
                switch (node.textValue()) {
                    case "upper-case" -> transforms.add(new Transform.UpperCase());
                    case "lower-case" -> transforms.add(new Transform.LowerCase());
                    case "strip-spaces" -> transforms.add(new Transform.StripSpaces());
                    default -> throw new IllegalStateException("the schema admits only known transforms");
                }
                continue;
            }
            String regex = node.get("replace").asText();
            String replacement = node.get("with").asText();
            Pattern pattern;
            try {
                pattern = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                problem(child(here, "replace"), node.get("replace"), "\"" + regex + "\" is not a regular expression: "
                        + e.getDescription() + " at character " + (e.getIndex() + 1));
                continue;
            }
            String fault = replacementFault(pattern, replacement);
            if (fault != null) {
                problem(child(here, "with"), node.get("with"), fault);
                continue;
            }
            transforms.add(new Transform.Replace(pattern, replacement));
        }
        return transforms;
    }

    /** Why a replacement would fail on the first match (a group the pattern does not have, a dangling \ or $), or null. */
    private static String replacementFault(Pattern pattern, String replacement) {
        int groups = pattern.matcher("").groupCount();
        for (int i = 0; i < replacement.length(); i++) {
            char c = replacement.charAt(i);
            if (c == '\\') {
                if (++i == replacement.length()) {
                    return "\"" + replacement + "\" ends with a single \\; write \\\\ for a backslash";
                }
            } else if (c == '$') {
                if (i + 1 == replacement.length()) {
                    return "\"" + replacement + "\" ends with a single $; write \\$ for a dollar sign";
                }
                char next = replacement.charAt(i + 1);
                if (next >= '0' && next <= '9' && next - '0' > groups) {
                    return "\"" + replacement + "\" refers to group " + next + ", but the pattern has " + groups;
                }
                if (next == '{') {
                    int close = replacement.indexOf('}', i);
                    String group = close < 0 ? "" : replacement.substring(i + 2, close);
                    if (!pattern.namedGroups().containsKey(group)) {
                        return "\"" + replacement + "\" refers to group ${" + group + "}, which the pattern does not name";
                    }
                } else if (next < '0' || next > '9') {
                    return "\"" + replacement + "\" has a $ that is not a group reference; write \\$ for a dollar sign";
                }
            }
        }
        return null;
    }

    private CodeLookup codeTable(JsonNode ref, String at, JsonNode tables, ValueReader targetReader, CaseRecordField standard,
                                 String fieldPath) {
        String tableName = null;
        JsonNode table = ref;
        String tablePath = at;
        String usedBy = "";
        if (ref.isTextual()) {
            tableName = ref.textValue();
            table = tables.get(tableName);
            if (table == null) {
                List<String> known = new ArrayList<>();
                tables.fieldNames().forEachRemaining(known::add);
                problem(at, ref, "no code table named '" + tableName + "' under codeTables"
                        + (known.isEmpty() ? "; there are none" : "; the tables are " + String.join(", ", known)));
                return null;
            }
            tablePath = child("codeTables", tableName);
            usedBy = " (for " + fieldPath + ")";
        }
        Map<String, Object> codes = new HashMap<>();
        String codesPath = child(tablePath, "codes");
        for (Map.Entry<String, JsonNode> code : table.get("codes").properties()) {
            Object value = targetValue(code.getValue(), child(codesPath, code.getKey()), targetReader, standard, usedBy);
            if (value != null) {
                codes.put(code.getKey(), value);
            }
        }
        CodeLookup.OnUnknown onUnknown = table.has("onUnknown")
                ? CodeLookup.OnUnknown.ofConfigName(table.get("onUnknown").asText()) : CodeLookup.OnUnknown.PROBLEM;
        Object defaultValue = null;
        if (table.has("default")) {
            if (onUnknown != CodeLookup.OnUnknown.DEFAULT) {
                problem(child(tablePath, "default"), table.get("default"), "is used only with 'onUnknown: default'; "
                        + "this table's unknown codes are " + (onUnknown == CodeLookup.OnUnknown.PROBLEM ? "problems" : "passed through"));
            } else {
                defaultValue = targetValue(table.get("default"), child(tablePath, "default"), targetReader, standard, usedBy);
            }
        }
        return new CodeLookup(tableName, codes, onUnknown, defaultValue);
    }

    /** A value written in the config as the target's value, converted to the field's type and checked against its vocabulary. */
    private Object targetValue(JsonNode node, String at, ValueReader reader, CaseRecordField standard, String usedBy) {
        Object plain = Values.scalar(node);
        if (plain instanceof String s && s.isBlank()) {
            problem(at, node, "is empty; leave it out instead" + usedBy);
            return null;
        }
        Object value;
        try {
            value = reader.read(plain);
        } catch (InvalidValue e) {
            problem(at, node, "expected " + e.expected() + ", found " + Values.quote(plain) + usedBy);
            return null;
        }
        if (standard != null && !standard.standardCodes().isEmpty() && !standard.standardCodes().contains(value)) {
            problem(at, node, Values.quote(value) + " is not a standard " + standard.fieldName() + usedBy + "; expected one of "
                    + standard.standardCodes().stream().sorted().collect(Collectors.joining(", ")));
            return null;
        }
        return value;
    }

    private TemporalFormat[] formats(JsonNode node, String at, FieldType type, ZoneId zone) {
        if (node == null) {
            return iso(type);
        }
        List<TemporalFormat> formats = new ArrayList<>();
        List<JsonNode> written = new ArrayList<>();
        node.forEach(written::add);
        if (!node.isArray()) {
            written = List.of(node);
        }
        for (int i = 0; i < written.size(); i++) {
            JsonNode format = written.get(i);
            String here = node.isArray() ? element(at, i) : at;
            switch (format.asText()) {
                case "iso" -> formats.addAll(List.of(iso(type)));
                case "epoch-millis" -> formats.add(TemporalFormat.epochMillis());
                case "epoch-seconds" -> formats.add(TemporalFormat.epochSeconds());
                default -> {
                    TemporalFormat pattern = pattern(format, here, zone);
                    if (pattern != null) {
                        formats.add(pattern);
                    }
                }
            }
        }
        return formats.toArray(TemporalFormat[]::new);
    }

    /** ISO-8601, with or without time and offset: 2026-11-23, 2026-11-23T09:15:02, 2026-11-23T09:15:02+08:00, …Z. */
    private static TemporalFormat[] iso(FieldType type) {
        TemporalFormat dateTime = TemporalFormat.pattern(DateTimeFormatter.ISO_DATE_TIME, "ISO-8601");
        TemporalFormat date = TemporalFormat.pattern(DateTimeFormatter.ISO_DATE, "ISO-8601");
        return type == FieldType.DATE ? new TemporalFormat[] {date, dateTime} : new TemporalFormat[] {dateTime, date};
    }

    private TemporalFormat pattern(JsonNode node, String at, ZoneId zone) {
        String pattern = node.asText();
        DateTimeFormatter formatter;
        try {
            // the era defaults to AD so that yyyy works with the strict resolver, which rejects 2026-02-30
            formatter = new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                    .parseDefaulting(ChronoField.ERA, 1).toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            problem(at, node, "\"" + pattern + "\" is not a date pattern (" + e.getMessage() + "); write a DateTimeFormatter"
                    + " pattern such as yyyyMMddHHmmss or yyyy-MM-dd HH:mm:ss, or epoch-millis, epoch-seconds or iso");
            return null;
        }
        String slip = patternSlip(pattern);
        if (slip != null) {
            problem(at, node, "\"" + pattern + "\": " + slip);
            return null;
        }
        TemporalFormat format = TemporalFormat.pattern(formatter, pattern);
        // a pattern that cannot read back a date it writes would fail every record
        ZonedDateTime back;
        try {
            back = format.read(formatter.format(SAMPLE), zone, false);
        } catch (DateTimeException e) {
            back = null;
        }
        if (back == null || !back.toLocalDate().equals(SAMPLE.toLocalDate())) {
            problem(at, node, "\"" + pattern + "\" does not give a whole date; it needs a year (yyyy), a month (MM) and a day (dd)");
            return null;
        }
        return format;
    }

    /** The usual slips in date patterns, each of which would silently read wrong dates or none. */
    private static String patternSlip(String pattern) {
        String letters = lettersOutsideQuotes(pattern);
        if (letters.indexOf('Y') >= 0) {
            return "'Y' is the week-based year, which differs from the year around New Year; use 'y'";
        }
        if (letters.indexOf('D') >= 0) {
            return "'D' is the day of the year; use 'd' for the day of the month";
        }
        boolean hours = letters.indexOf('H') >= 0 || letters.indexOf('h') >= 0 || letters.indexOf('k') >= 0 || letters.indexOf('K') >= 0;
        if (letters.indexOf('m') >= 0 && !hours) {
            return "'m' is minutes and the pattern has no hours; use 'M' for the month";
        }
        if (letters.indexOf('h') >= 0 && letters.indexOf('a') < 0) {
            return "'h' is the 12-hour clock and the pattern has no AM/PM ('a'); use 'H' for hours 0–23";
        }
        return null;
    }

    private static String lettersOutsideQuotes(String pattern) {
        StringBuilder letters = new StringBuilder();
        boolean quoted = false;
        for (char c : pattern.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && Character.isLetter(c)) {
                letters.append(c);
            }
        }
        return letters.toString();
    }

    private ZoneId zone(JsonNode node, String at) {
        try {
            return ZoneId.of(node.asText());
        } catch (DateTimeException e) {
            problem(at, node, "\"" + node.asText() + "\" is not a time zone; write an IANA zone id such as Asia/Shanghai,"
                    + " or an offset such as +08:00");
            return null;
        }
    }

    private static String mandatoryFields() {
        List<String> names = Arrays.stream(CaseRecordField.values()).filter(CaseRecordField::mandatory)
                .map(CaseRecordField::fieldName).toList();
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
    }

    /** "; did you mean submittedAt?" for a name one or two edits away from a standard field, or nothing. */
    private static String suggestion(String name) {
        String best = null;
        int bestDistance = 3;
        for (CaseRecordField field : CaseRecordField.values()) {
            int distance = field.fieldName().equalsIgnoreCase(name) ? 0 : distance(field.fieldName(), name);
            if (distance < bestDistance) {
                best = field.fieldName();
                bestDistance = distance;
            }
        }
        return best == null ? "" : " (did you mean " + best + "?)";
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private void problem(String path, JsonNode node, String message) {
        problems.add(new ConfigProblem(origin, path, ConfigReader.lineOf(node), message));
    }
}

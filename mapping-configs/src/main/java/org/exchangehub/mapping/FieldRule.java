package org.exchangehub.mapping;

import java.util.List;
import java.util.Map;

/**
 * One target field, compiled: where its value comes from and every step that reads it. Applying it touches only what
 * the compiler built (paths, formatters, patterns, typed code tables), so mapping a million records compiles nothing.
 */
final class FieldRule {

    private final String target;
    private final SourcePath[] sources;
    /** The source paths as written, for problems: {@code SQSJ}, {@code a | b}, or {@code (constant)}. */
    private final String sourceText;
    private final Object constant;
    private final Object defaultValue;
    private final boolean required;
    private final boolean trim;
    private final Transform[] transforms;
    private final CodeLookup codes;
    private final ValueReader reader;

    FieldRule(String target, List<SourcePath> sources, Object constant, Object defaultValue, boolean required, boolean trim,
              List<Transform> transforms, CodeLookup codes, ValueReader reader) {
        this.target = target;
        this.sources = sources.toArray(SourcePath[]::new);
        this.sourceText = constant != null ? "(constant)" : String.join(" | ", sources.stream().map(SourcePath::toString).toList());
        this.constant = constant;
        this.defaultValue = defaultValue;
        this.required = required;
        this.trim = trim;
        this.transforms = transforms.toArray(Transform[]::new);
        this.codes = codes;
        this.reader = reader;
    }

    String target() {
        return target;
    }

    /** Maps this field of {@code record} into {@code values}, or adds a problem; never throws for bad data. */
    void apply(Object record, Map<String, Object> values, List<MappingProblem> problems) {
        if (constant != null) {
            values.put(target, constant);
            return;
        }
        Object value = SourcePath.MISSING;
        String from = sourceText;
        for (SourcePath source : sources) {
            Object found = source.resolve(record);
            if (found == SourcePath.WRONG_SHAPE) {
                problems.add(problem(source.toString(), MappingProblem.Code.WRONG_SHAPE, source.whereShapeDiffers(record)));
                return;
            }
            if (found == SourcePath.MISSING) {
                continue;
            }
            Object plain = Values.scalar(found);
            if (plain == SourcePath.WRONG_SHAPE) {
                problems.add(problem(source.toString(), MappingProblem.Code.WRONG_SHAPE, source.whereShapeDiffers(record)));
                return;
            }
            plain = prepare(plain);
            if (plain != SourcePath.MISSING) {
                value = plain;
                from = source.toString();
                break; // the first path with a value wins
            }
        }
        if (value == SourcePath.MISSING) {
            if (defaultValue != null) {
                values.put(target, defaultValue);
            } else if (required) {
                problems.add(problem(from, MappingProblem.Code.MISSING_REQUIRED, sources.length == 1
                        ? "required, but the record has no value there"
                        : "required, but none of these paths has a value"));
            }
            return;
        }
        if (codes != null) {
            Object standard = codes.lookUp(Values.codeKey(value));
            if (standard != null) {
                values.put(target, standard);
                return;
            }
            switch (codes.onUnknown()) {
                case PROBLEM -> {
                    problems.add(problem(from, MappingProblem.Code.UNKNOWN_CODE,
                            Values.quote(value) + " is not in " + codes.describe()));
                    return;
                }
                case DEFAULT -> {
                    values.put(target, codes.defaultValue());
                    return;
                }
                case PASS_THROUGH -> {
                    // the source's own value is read like any other below
                }
            }
        }
        try {
            values.put(target, reader.read(value));
        } catch (InvalidValue e) {
            problems.add(problem(from, MappingProblem.Code.INVALID_VALUE, "expected " + e.expected() + ", found " + Values.quote(value)));
        }
    }

    /** Trimming and transforms on text; empty text is no value. */
    private Object prepare(Object value) {
        if (!(value instanceof String) && transforms.length == 0) {
            return value;
        }
        String text = Values.text(value);
        if (trim) {
            text = text.strip();
        }
        for (Transform transform : transforms) {
            text = transform.apply(text);
        }
        return text.isEmpty() ? SourcePath.MISSING : text;
    }

    private MappingProblem problem(String from, MappingProblem.Code code, String message) {
        return new MappingProblem(target, from, code, message);
    }
}

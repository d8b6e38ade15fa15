package org.exchangehub.catalog.entry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.exchangehub.catalog.FieldProblem;
import org.exchangehub.catalog.entry.EntryEnums.DataItemType;
import org.exchangehub.catalog.entry.EntryEnums.OpenType;
import org.exchangehub.catalog.entry.EntryEnums.ResourceCategory;
import org.exchangehub.catalog.entry.EntryEnums.ResourceFormat;
import org.exchangehub.catalog.entry.EntryEnums.ShareMode;
import org.exchangehub.catalog.entry.EntryEnums.ShareType;
import org.exchangehub.catalog.entry.EntryEnums.UpdateCycle;

/**
 * Checks an {@link EntryDraft} field by field and turns it into {@link EntryContent}. Every problem is
 * reported, not just the first, each naming the field and what was expected.
 */
public final class EntryValidator {

    /** 类-项-目-细目: category digit, then 2-digit 项, optionally 2–3-digit 目 and 3-digit 细目. */
    static final Pattern CLASSIFICATION_CODE = Pattern.compile("[123]-\\d{2}(-\\d{2,3}(-\\d{3})?)?");
    private static final Pattern ITEM_MACHINE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    static final int MAX_DATA_ITEMS = 500;

    /** What the validator must look up: which referenced codes exist. */
    public interface References {
        boolean departmentExists(String departmentCode);

        Set<String> knownItemCodes(Collection<String> itemCodes);

        Set<String> knownResourceCodes(Collection<String> resourceCodes);
    }

    /** Either the content or the problems. */
    public record Result(Optional<EntryContent> content, List<FieldProblem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private final References references;

    public EntryValidator(References references) {
        this.references = references;
    }

    public Result validate(EntryDraft d) {
        List<FieldProblem> p = new ArrayList<>();
        if (blank(d.departmentCode())) {
            p.add(new FieldProblem("departmentCode", "required: the provider department's unified social credit code"));
        } else if (!references.departmentExists(d.departmentCode())) {
            p.add(new FieldProblem("departmentCode", "no department with code " + d.departmentCode()));
        }
        ResourceCategory category = oneOf(p, "resourceCategory", d.resourceCategory(), ResourceCategory.class, true);
        String classification = trim(d.classificationCode());
        if (blank(classification)) {
            p.add(new FieldProblem("classificationCode", "required: 类-项-目-细目 code such as 3-01-02 or 1-02-03-001"));
        } else if (!CLASSIFICATION_CODE.matcher(classification).matches()) {
            p.add(new FieldProblem("classificationCode",
                    "expected 类-项-目-细目 like 3-01-02 or 1-02-03-001 (category 1, 2 or 3, then 2, 2–3 and 3 digits), got '" + classification + "'"));
        } else if (category != null && classification.charAt(0) != category.classificationDigit()) {
            p.add(new FieldProblem("classificationCode", "a " + category + " resource's classification starts with "
                    + category.classificationDigit() + ", got '" + classification + "'"));
        }
        String name = text(p, "name", d.name(), 300, true, "the resource name (信息资源名称)");
        String summary = text(p, "abstract", d.summary(), 4000, true, "a summary of the resource (信息资源摘要)");
        ResourceFormat format = oneOf(p, "format", d.format(), ResourceFormat.class, true);
        ShareType shareType = oneOf(p, "shareType", d.shareType(), ShareType.class, true);
        String shareConditions = text(p, "shareConditions", d.shareConditions(), 2000, false, null);
        String legalBasis = text(p, "legalBasis", d.legalBasis(), 2000, false, null);
        if (shareType == ShareType.CONDITIONAL && blank(shareConditions)) {
            p.add(new FieldProblem("shareConditions", "required when shareType is CONDITIONAL: the conditions a consumer must meet"));
        }
        if (shareType == ShareType.NOT_SHARED && blank(legalBasis)) {
            p.add(new FieldProblem("legalBasis", "required when shareType is NOT_SHARED: the law or regulation that forbids sharing"));
        }
        ShareMode shareMode = oneOf(p, "shareMode", d.shareMode(), ShareMode.class, shareType != ShareType.NOT_SHARED);
        OpenType openType = oneOf(p, "openType", d.openType(), OpenType.class, true);
        String openConditions = text(p, "openConditions", d.openConditions(), 2000, false, null);
        if (openType == OpenType.CONDITIONAL_OPEN && blank(openConditions)) {
            p.add(new FieldProblem("openConditions", "required when openType is CONDITIONAL_OPEN"));
        }
        UpdateCycle updateCycle = oneOf(p, "updateCycle", d.updateCycle(), UpdateCycle.class, true);
        List<DataItem> items = dataItems(p, d.dataItems());
        List<String> itemCodes = codes(d.relatedItemCodes());
        Set<String> knownItems = references.knownItemCodes(itemCodes);
        for (int i = 0; i < itemCodes.size(); i++) {
            if (!knownItems.contains(itemCodes.get(i))) {
                p.add(new FieldProblem("relatedItemCodes[" + i + "]", "no service item with code " + itemCodes.get(i)));
            }
        }
        List<String> resourceCodes = codes(d.relatedResourceCodes());
        Set<String> knownResources = references.knownResourceCodes(resourceCodes);
        for (int i = 0; i < resourceCodes.size(); i++) {
            if (!knownResources.contains(resourceCodes.get(i))) {
                p.add(new FieldProblem("relatedResourceCodes[" + i + "]", "no catalogue entry with resource code " + resourceCodes.get(i)));
            }
        }
        if (!p.isEmpty()) {
            return new Result(Optional.empty(), List.copyOf(p));
        }
        return new Result(Optional.of(new EntryContent(category, classification, name, summary, format, shareType,
                emptyToNull(shareConditions), emptyToNull(legalBasis), shareMode, openType, emptyToNull(openConditions),
                updateCycle, items, itemCodes, resourceCodes)), List.of());
    }

    private List<DataItem> dataItems(List<FieldProblem> p, List<EntryDraft.DataItemDraft> drafts) {
        if (drafts == null || drafts.isEmpty()) {
            p.add(new FieldProblem("dataItems", "at least one data item (信息项) is required"));
            return List.of();
        }
        if (drafts.size() > MAX_DATA_ITEMS) {
            p.add(new FieldProblem("dataItems", "at most " + MAX_DATA_ITEMS + " data items, got " + drafts.size()));
            return List.of();
        }
        List<DataItem> items = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> machineNames = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            String at = "dataItems[" + i + "]";
            EntryDraft.DataItemDraft di = drafts.get(i);
            if (di == null) {
                p.add(new FieldProblem(at, "must not be null"));
                continue;
            }
            String name = text(p, at + ".name", di.name(), 100, true, "the data item's name");
            if (name != null && !names.add(name)) {
                p.add(new FieldProblem(at + ".name", "duplicate data item name '" + name + "'"));
            }
            String code = trim(di.code());
            if (!blank(code)) {
                if (!ITEM_MACHINE_NAME.matcher(code).matches()) {
                    p.add(new FieldProblem(at + ".code", "expected a letter then letters, digits or _ (at most 64), got '" + code + "'"));
                } else if (!machineNames.add(code)) {
                    p.add(new FieldProblem(at + ".code", "duplicate data item code '" + code + "'"));
                }
            }
            DataItemType type = oneOf(p, at + ".type", di.type(), DataItemType.class, true);
            if (di.length() != null && (di.length() < 1 || di.length() > 1_000_000)) {
                p.add(new FieldProblem(at + ".length", "expected a length from 1 to 1000000, got " + di.length()));
            }
            if (type == DataItemType.STRING && di.length() == null) {
                p.add(new FieldProblem(at + ".length", "required for a STRING data item: its maximum length"));
            }
            items.add(new DataItem(name, blank(code) ? null : code, type, di.length(),
                    Boolean.TRUE.equals(di.sensitive()), emptyToNull(trim(di.description()))));
        }
        // names and codes are one namespace: a provider field is found by code, else by name, never ambiguously
        for (int i = 0; i < items.size(); i++) {
            String code = items.get(i).code();
            for (int j = 0; j < items.size() && code != null; j++) {
                if (i != j && code.equals(items.get(j).name())) {
                    p.add(new FieldProblem("dataItems[" + i + "].code", "'" + code + "' is the name of dataItems[" + j
                            + "]; a code must not equal another item's name"));
                }
            }
        }
        return items;
    }

    private static <E extends Enum<E>> E oneOf(List<FieldProblem> p, String field, String value, Class<E> type, boolean required) {
        String v = trim(value);
        if (blank(v)) {
            if (required) {
                p.add(new FieldProblem(field, "required: one of " + Arrays.toString(type.getEnumConstants())));
            }
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v)) {
                return e;
            }
        }
        p.add(new FieldProblem(field, "expected one of " + Arrays.toString(type.getEnumConstants()) + ", got '" + v + "'"));
        return null;
    }

    private static String text(List<FieldProblem> p, String field, String value, int max, boolean required, String what) {
        String v = trim(value);
        if (blank(v)) {
            if (required) {
                p.add(new FieldProblem(field, "required: " + what));
            }
            return null;
        }
        if (v.length() > max) {
            p.add(new FieldProblem(field, "at most " + max + " characters, got " + v.length()));
        }
        return v;
    }

    private static List<String> codes(List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        LinkedHashSet<String> codes = new LinkedHashSet<>();
        for (String c : raw) {
            if (!blank(c)) {
                codes.add(c.trim());
            }
        }
        return List.copyOf(codes);
    }

    private static String trim(String s) {
        return s == null ? null : s.strip();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String emptyToNull(String s) {
        return blank(s) ? null : s;
    }
}

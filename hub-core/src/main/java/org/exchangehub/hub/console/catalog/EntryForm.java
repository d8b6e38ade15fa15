package org.exchangehub.hub.console.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.exchangehub.catalog.FieldProblem;
import org.exchangehub.catalog.entry.DataItem;
import org.exchangehub.catalog.entry.EntryContent;
import org.exchangehub.catalog.entry.EntryDraft;
import org.exchangehub.catalog.entry.EntryDraft.DataItemDraft;

/**
 * The create and edit form of a catalogue entry as the browser posts it. Field names follow {@link EntryDraft}'s, so
 * the registry's field problems ({@code dataItems[2].name}) name the inputs they belong to; the abstract is posted as
 * {@code summary} and its problems come back as {@code abstract}. Related codes are one text field each, separated by
 * commas, semicolons or spaces.
 */
public class EntryForm {

    private static final String LIST_SEPARATORS = "[,，;；\\s]+";

    private String resourceCategory;
    private String classificationCode;
    private String name;
    private String summary;
    private String format;
    private String shareType;
    private String shareConditions;
    private String legalBasis;
    private String shareMode;
    private String openType;
    private String openConditions;
    private String updateCycle;
    private List<ItemRow> dataItems = new ArrayList<>();
    private String relatedItemCodes;
    private String relatedResourceCodes;
    /** The entry's lock version when the form was opened (the API's ETag); null for a new entry. */
    private Integer lockVersion;

    /** One data item row; the length is text so that "abc" is reported beside its input rather than lost. */
    public static class ItemRow {
        private String name;
        private String code;
        private String type;
        private String length;
        private boolean sensitive;
        private String description;

        public ItemRow() {
        }

        ItemRow(String name, String code, String type, String length, boolean sensitive, String description) {
            this.name = name;
            this.code = code;
            this.type = type;
            this.length = length;
            this.sensitive = sensitive;
            this.description = description;
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getCode() { return code; }
        public void setCode(String code) { this.code = code; }
        public String getType() { return type; }
        public void setType(String type) { this.type = type; }
        public String getLength() { return length; }
        public void setLength(String length) { this.length = length; }
        public boolean isSensitive() { return sensitive; }
        public void setSensitive(boolean sensitive) { this.sensitive = sensitive; }
        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }

        boolean blank() {
            return isBlank(name) && isBlank(code) && isBlank(length) && isBlank(description);
        }
    }

    /** A new entry's form: one empty data item row to start from. */
    public static EntryForm blank() {
        EntryForm f = new EntryForm();
        f.dataItems.add(new ItemRow(null, null, "STRING", null, false, null));
        return f;
    }

    /** The form showing a version's content, to be edited. */
    public static EntryForm of(EntryContent c, int lockVersion) {
        EntryForm f = new EntryForm();
        f.resourceCategory = name(c.resourceCategory());
        f.classificationCode = c.classificationCode();
        f.name = c.name();
        f.summary = c.summary();
        f.format = name(c.format());
        f.shareType = name(c.shareType());
        f.shareConditions = c.shareConditions();
        f.legalBasis = c.legalBasis();
        f.shareMode = name(c.shareMode());
        f.openType = name(c.openType());
        f.openConditions = c.openConditions();
        f.updateCycle = name(c.updateCycle());
        for (DataItem i : c.dataItems()) {
            f.dataItems.add(new ItemRow(i.name(), i.code(), name(i.type()), i.length() == null ? null : i.length().toString(),
                    i.sensitive(), i.description()));
        }
        f.relatedItemCodes = String.join(", ", c.relatedItemCodes());
        f.relatedResourceCodes = String.join(", ", c.relatedResourceCodes());
        f.lockVersion = lockVersion;
        return f;
    }

    /**
     * The draft the registry validates. Rows left wholly empty are dropped (a row added and not filled in is not an
     * item); a length that is not a whole number goes to {@code problems} and is sent as absent.
     */
    public EntryDraft toDraft(List<FieldProblem> problems) {
        List<DataItemDraft> items = new ArrayList<>();
        for (ItemRow row : dataItems) {
            if (row == null || row.blank()) {
                continue;
            }
            Integer length = null;
            if (!isBlank(row.length)) {
                try {
                    length = Integer.valueOf(row.length.strip());
                } catch (NumberFormatException e) {
                    problems.add(new FieldProblem("dataItems[" + items.size() + "].length",
                            "expected a whole number, got '" + row.length.strip() + "'"));
                }
            }
            items.add(new DataItemDraft(row.name, row.code, row.type, length, row.sensitive, row.description));
        }
        return new EntryDraft(null, resourceCategory, classificationCode, name, summary, format, shareType, shareConditions,
                legalBasis, shareMode, openType, openConditions, updateCycle, items, codes(relatedItemCodes),
                codes(relatedResourceCodes));
    }

    /** Drops the rows left wholly empty, so that row numbers shown match the ones the registry reports. */
    public void dropBlankRows() {
        dataItems.removeIf(r -> r == null || r.blank());
    }

    public void addRow() {
        dataItems.add(new ItemRow(null, null, "STRING", null, false, null));
    }

    public void removeRow(int index) {
        if (index >= 0 && index < dataItems.size()) {
            dataItems.remove(index);
        }
    }

    private static List<String> codes(String text) {
        if (isBlank(text)) {
            return List.of();
        }
        return Arrays.stream(text.strip().split(LIST_SEPARATORS)).filter(s -> !s.isBlank()).toList();
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    public String getResourceCategory() { return resourceCategory; }
    public void setResourceCategory(String v) { this.resourceCategory = v; }
    public String getClassificationCode() { return classificationCode; }
    public void setClassificationCode(String v) { this.classificationCode = v; }
    public String getName() { return name; }
    public void setName(String v) { this.name = v; }
    public String getSummary() { return summary; }
    public void setSummary(String v) { this.summary = v; }
    public String getFormat() { return format; }
    public void setFormat(String v) { this.format = v; }
    public String getShareType() { return shareType; }
    public void setShareType(String v) { this.shareType = v; }
    public String getShareConditions() { return shareConditions; }
    public void setShareConditions(String v) { this.shareConditions = v; }
    public String getLegalBasis() { return legalBasis; }
    public void setLegalBasis(String v) { this.legalBasis = v; }
    public String getShareMode() { return shareMode; }
    public void setShareMode(String v) { this.shareMode = v; }
    public String getOpenType() { return openType; }
    public void setOpenType(String v) { this.openType = v; }
    public String getOpenConditions() { return openConditions; }
    public void setOpenConditions(String v) { this.openConditions = v; }
    public String getUpdateCycle() { return updateCycle; }
    public void setUpdateCycle(String v) { this.updateCycle = v; }
    public List<ItemRow> getDataItems() { return dataItems; }
    public void setDataItems(List<ItemRow> v) { this.dataItems = v; }
    public String getRelatedItemCodes() { return relatedItemCodes; }
    public void setRelatedItemCodes(String v) { this.relatedItemCodes = v; }
    public String getRelatedResourceCodes() { return relatedResourceCodes; }
    public void setRelatedResourceCodes(String v) { this.relatedResourceCodes = v; }
    public Integer getLockVersion() { return lockVersion; }
    public void setLockVersion(Integer v) { this.lockVersion = v; }
}

package org.exchangehub.catalog.entry;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A catalogue entry as submitted by a data officer (through the API or an import row), not yet validated:
 * enumerations are plain text so that every wrong value can be reported by field.
 *
 * @param departmentCode the provider department; an editor may leave it empty to mean their own department
 */
public record EntryDraft(
        String departmentCode,
        String resourceCategory,
        String classificationCode,
        String name,
        @JsonProperty("abstract") String summary,
        String format,
        String shareType,
        String shareConditions,
        String legalBasis,
        String shareMode,
        String openType,
        String openConditions,
        String updateCycle,
        List<DataItemDraft> dataItems,
        List<String> relatedItemCodes,
        List<String> relatedResourceCodes) {

    /** A data item as submitted, not yet validated. */
    public record DataItemDraft(String name, String code, String type, Integer length, Boolean sensitive, String description) {
    }

    public EntryDraft withDepartmentCode(String code) {
        return new EntryDraft(code, resourceCategory, classificationCode, name, summary, format, shareType,
                shareConditions, legalBasis, shareMode, openType, openConditions, updateCycle, dataItems,
                relatedItemCodes, relatedResourceCodes);
    }
}

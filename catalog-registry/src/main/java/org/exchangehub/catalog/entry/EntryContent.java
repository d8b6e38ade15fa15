package org.exchangehub.catalog.entry;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.exchangehub.catalog.entry.EntryEnums.OpenType;
import org.exchangehub.catalog.entry.EntryEnums.ResourceCategory;
import org.exchangehub.catalog.entry.EntryEnums.ResourceFormat;
import org.exchangehub.catalog.entry.EntryEnums.ShareMode;
import org.exchangehub.catalog.entry.EntryEnums.ShareType;
import org.exchangehub.catalog.entry.EntryEnums.UpdateCycle;

/** The validated metadata of one version of a catalogue entry. */
public record EntryContent(
        ResourceCategory resourceCategory,
        String classificationCode,
        String name,
        @JsonProperty("abstract") String summary,
        ResourceFormat format,
        ShareType shareType,
        String shareConditions,
        String legalBasis,
        ShareMode shareMode,
        OpenType openType,
        String openConditions,
        UpdateCycle updateCycle,
        List<DataItem> dataItems,
        List<String> relatedItemCodes,
        List<String> relatedResourceCodes) {

    public EntryContent {
        dataItems = List.copyOf(dataItems);
        relatedItemCodes = List.copyOf(relatedItemCodes);
        relatedResourceCodes = List.copyOf(relatedResourceCodes);
    }
}

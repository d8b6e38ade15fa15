package org.exchangehub.catalog.entry;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exchangehub.catalog.entry.EntryEnums.OpenType;
import org.exchangehub.catalog.entry.EntryEnums.ResourceCategory;
import org.exchangehub.catalog.entry.EntryEnums.ResourceFormat;
import org.exchangehub.catalog.entry.EntryEnums.ShareMode;
import org.exchangehub.catalog.entry.EntryEnums.ShareType;
import org.exchangehub.catalog.entry.EntryEnums.UpdateCycle;
import org.exchangehub.catalog.entry.EntryViews.VersionView;
import org.exchangehub.catalog.jooq.tables.records.CatalogEntryRecord;
import org.exchangehub.catalog.jooq.tables.records.CatalogEntryVersionRecord;
import org.exchangehub.catalog.JsonColumns;
import org.exchangehub.catalog.text.ChineseTerms;
import org.springframework.stereotype.Component;

/** Maps entry content to and from its table rows (JSON for the list-valued fields). */
@Component
class EntryRecords {

    private static final TypeReference<List<DataItem>> DATA_ITEMS = new TypeReference<>() { };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final ObjectMapper json;
    private final JsonColumns columns;

    EntryRecords(ObjectMapper json, JsonColumns columns) {
        this.json = json;
        this.columns = columns;
    }

    void writeContent(CatalogEntryVersionRecord r, EntryContent c) {
        r.setResourceCategory(c.resourceCategory().name());
        r.setClassificationCode(c.classificationCode());
        r.setName(c.name());
        r.setAbstractText(c.summary());
        r.setFormat(c.format().name());
        r.setShareType(c.shareType().name());
        r.setShareConditions(c.shareConditions());
        r.setLegalBasis(c.legalBasis());
        r.setShareMode(c.shareMode() == null ? null : c.shareMode().name());
        r.setOpenType(c.openType().name());
        r.setOpenConditions(c.openConditions());
        r.setUpdateCycle(c.updateCycle().name());
        r.setDataItems(columns.write(c.dataItems()));
        r.setRelatedItemCodes(columns.write(c.relatedItemCodes()));
        r.setRelatedResourceCodes(columns.write(c.relatedResourceCodes()));
    }

    EntryContent readContent(CatalogEntryVersionRecord r) {
        return new EntryContent(ResourceCategory.valueOf(r.getResourceCategory()), r.getClassificationCode(), r.getName(),
                r.getAbstractText(), ResourceFormat.valueOf(r.getFormat()), ShareType.valueOf(r.getShareType()),
                r.getShareConditions(), r.getLegalBasis(), r.getShareMode() == null ? null : ShareMode.valueOf(r.getShareMode()),
                OpenType.valueOf(r.getOpenType()), r.getOpenConditions(), UpdateCycle.valueOf(r.getUpdateCycle()),
                columns.read(r.getDataItems(), DATA_ITEMS), columns.read(r.getRelatedItemCodes(), STRINGS),
                columns.read(r.getRelatedResourceCodes(), STRINGS));
    }

    VersionView view(CatalogEntryVersionRecord r) {
        return new VersionView(r.getVersionNo(), EntryStatus.valueOf(r.getStatus()), readContent(r),
                r.getPublishDate(), r.getCreatedBy(), r.getUpdatedAt(), r.getSubmittedBy(), r.getSubmittedAt(),
                r.getReviewedBy(), r.getReviewedAt(), r.getReviewReason());
    }

    /** Copies what readers see of this content onto the entry row, including its search terms. */
    static void showOnEntry(CatalogEntryRecord e, EntryContent c) {
        e.setName(c.name());
        e.setClassificationCode(c.classificationCode());
        e.setShareType(c.shareType().name());
        e.setSearchName(ChineseTerms.forIndex(c.name()));
        e.setSearchAbstract(ChineseTerms.forIndex(c.summary()));
        StringBuilder items = new StringBuilder();
        for (DataItem item : c.dataItems()) {
            items.append(item.name()).append(' ');
            if (item.code() != null) {
                items.append(item.code()).append(' ');
            }
        }
        e.setSearchItems(ChineseTerms.forIndex(items.toString()));
    }

    /** The fields that differ between two contents, each as {from, to}. */
    Map<String, Object> diff(EntryContent before, EntryContent after) {
        ObjectNode a = json.valueToTree(before);
        ObjectNode b = json.valueToTree(after);
        Map<String, Object> changes = new LinkedHashMap<>();
        for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            JsonNode from = a.get(field);
            JsonNode to = b.get(field);
            if (from == null ? !to.isNull() : !from.equals(to)) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("from", json.convertValue(from, Object.class));
                change.put("to", json.convertValue(to, Object.class));
                changes.put(field, change);
            }
        }
        return changes;
    }

}

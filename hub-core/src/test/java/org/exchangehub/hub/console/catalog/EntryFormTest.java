package org.exchangehub.hub.console.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.exchangehub.catalog.FieldProblem;
import org.exchangehub.catalog.entry.DataItem;
import org.exchangehub.catalog.entry.EntryContent;
import org.exchangehub.catalog.entry.EntryDraft;
import org.exchangehub.catalog.entry.EntryEnums;
import org.junit.jupiter.api.Test;

class EntryFormTest {

    @Test
    void blankRowsAreDroppedSoThatRowNumbersMatchTheRegistrysAndAnUnreadableLengthIsNamed() {
        EntryForm form = EntryForm.blank();
        form.getDataItems().get(0).setName("统一社会信用代码");
        form.getDataItems().get(0).setLength("18");
        form.addRow();
        form.addRow();
        form.getDataItems().get(2).setName("企业名称");
        form.getDataItems().get(2).setLength("二百");
        form.setRelatedItemCodes(" A-1，A-2; A-3 ");

        form.dropBlankRows();
        List<FieldProblem> problems = new ArrayList<>();
        EntryDraft draft = form.toDraft(problems);

        assertThat(form.getDataItems()).hasSize(2);
        assertThat(draft.dataItems()).extracting(EntryDraft.DataItemDraft::name).containsExactly("统一社会信用代码", "企业名称");
        assertThat(draft.dataItems().get(1).length()).isNull();
        assertThat(problems).containsExactly(new FieldProblem("dataItems[1].length", "expected a whole number, got '二百'"));
        assertThat(draft.relatedItemCodes()).containsExactly("A-1", "A-2", "A-3");
        assertThat(draft.departmentCode()).as("the registry decides the department").isNull();
    }

    @Test
    void anEditedVersionRoundTripsThroughTheForm() {
        EntryContent content = new EntryContent(EntryEnums.ResourceCategory.DEPARTMENT, "3-01-02", "企业登记信息", "摘要",
                EntryEnums.ResourceFormat.DATABASE, EntryEnums.ShareType.NOT_SHARED, null, "《条例》第十条", null,
                EntryEnums.OpenType.NOT_OPEN, null, EntryEnums.UpdateCycle.DAILY,
                List.of(new DataItem("法定代表人身份证号", "fddbrsfzh", EntryEnums.DataItemType.STRING, 18, true, null)),
                List.of("A-1"), List.of("3-01-02/000001"));

        EntryForm form = EntryForm.of(content, 7);
        EntryDraft draft = form.toDraft(new ArrayList<>());

        assertThat(form.getLockVersion()).isEqualTo(7);
        assertThat(draft.shareMode()).isNull();
        assertThat(draft.legalBasis()).isEqualTo("《条例》第十条");
        assertThat(draft.dataItems()).containsExactly(
                new EntryDraft.DataItemDraft("法定代表人身份证号", "fddbrsfzh", "STRING", 18, true, null));
        assertThat(draft.relatedResourceCodes()).containsExactly("3-01-02/000001");
    }
}

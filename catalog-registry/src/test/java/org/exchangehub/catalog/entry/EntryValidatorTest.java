package org.exchangehub.catalog.entry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.exchangehub.catalog.FieldProblem;
import org.exchangehub.catalog.entry.EntryDraft.DataItemDraft;
import org.junit.jupiter.api.Test;

class EntryValidatorTest {

    static final String DEPT = "11620900MB0000000X";

    private final EntryValidator validator = new EntryValidator(new EntryValidator.References() {
        @Override
        public boolean departmentExists(String departmentCode) {
            return DEPT.equals(departmentCode);
        }

        @Override
        public Set<String> knownItemCodes(Collection<String> itemCodes) {
            Set<String> known = new HashSet<>(itemCodes);
            known.retainAll(Set.of("11620900MB0000000X4000117001"));
            return known;
        }

        @Override
        public Set<String> knownResourceCodes(Collection<String> resourceCodes) {
            Set<String> known = new HashSet<>(resourceCodes);
            known.retainAll(Set.of("3-01-02/000001"));
            return known;
        }
    });

    static EntryDraft valid() {
        return new EntryDraft(DEPT, "DEPARTMENT", "3-01-02", "企业营业执照信息", "企业营业执照主要信息", "INTERFACE",
                "UNCONDITIONAL", null, null, "INTERFACE", "NOT_OPEN", null, "REAL_TIME",
                List.of(new DataItemDraft("统一社会信用代码", "tyshxydm", "STRING", 18, false, null),
                        new DataItemDraft("法定代表人身份证号", "fddbrsfzh", "STRING", 18, true, null)),
                List.of("11620900MB0000000X4000117001"), List.of("3-01-02/000001"));
    }

    @Test
    void acceptsCompleteEntryAndTypesItsFields() {
        EntryValidator.Result result = validator.validate(valid());
        assertThat(result.problems()).isEmpty();
        EntryContent content = result.content().orElseThrow();
        assertThat(content.shareType()).isEqualTo(EntryEnums.ShareType.UNCONDITIONAL);
        assertThat(content.dataItems()).extracting(DataItem::sensitive).containsExactly(false, true);
    }

    @Test
    void enumerationsAreCaseInsensitive() {
        EntryDraft d = valid();
        EntryDraft lower = new EntryDraft(d.departmentCode(), "department", d.classificationCode(), d.name(), d.summary(),
                "interface", "unconditional", null, null, "interface", "not_open", null, "daily", d.dataItems(), List.of(), List.of());
        assertThat(validator.validate(lower).problems()).isEmpty();
    }

    @Test
    void conditionalShareNeedsConditionsAndNotSharedNeedsALegalBasis() {
        EntryDraft d = valid();
        assertThat(fields(new EntryDraft(DEPT, "DEPARTMENT", "3-01-02", "x", "y", "DATABASE", "CONDITIONAL", " ", null,
                "INTERFACE", "NOT_OPEN", null, "DAILY", d.dataItems(), List.of(), List.of()))).containsExactly("shareConditions");
        assertThat(fields(new EntryDraft(DEPT, "DEPARTMENT", "3-01-02", "x", "y", "DATABASE", "NOT_SHARED", null, null,
                null, "NOT_OPEN", null, "DAILY", d.dataItems(), List.of(), List.of()))).containsExactly("legalBasis");
    }

    @Test
    void rejectsClassificationThatDoesNotMatchTheResourceCategory() {
        EntryDraft d = valid();
        EntryDraft basic = new EntryDraft(DEPT, "BASIC", "3-01-02", d.name(), d.summary(), d.format(), d.shareType(), null, null,
                d.shareMode(), d.openType(), null, d.updateCycle(), d.dataItems(), List.of(), List.of());
        List<FieldProblem> problems = validator.validate(basic).problems();
        assertThat(problems).extracting(FieldProblem::field).containsExactly("classificationCode");
        assertThat(problems.get(0).message()).contains("starts with 1");
    }

    @Test
    void rejectsMalformedClassificationCode() {
        EntryDraft d = valid();
        for (String bad : List.of("4-01", "3-1-02", "3-01-02-01", "30102", "3-01-02/000001")) {
            EntryDraft draft = new EntryDraft(DEPT, "DEPARTMENT", bad, d.name(), d.summary(), d.format(), d.shareType(), null, null,
                    d.shareMode(), d.openType(), null, d.updateCycle(), d.dataItems(), List.of(), List.of());
            assertThat(fields(draft)).as(bad).containsExactly("classificationCode");
        }
    }

    @Test
    void reportsEveryDataItemProblemWithItsIndex() {
        EntryDraft d = valid();
        EntryDraft draft = new EntryDraft(DEPT, "DEPARTMENT", "3-01-02", d.name(), d.summary(), d.format(), d.shareType(), null, null,
                d.shareMode(), d.openType(), null, d.updateCycle(),
                List.of(new DataItemDraft("名称", "1bad", "STRING", null, null, null),
                        new DataItemDraft("名称", null, "TEXT", 0, null, null)),
                List.of(), List.of());
        assertThat(fields(draft)).containsExactlyInAnyOrder("dataItems[0].code", "dataItems[0].length", "dataItems[1].name",
                "dataItems[1].type", "dataItems[1].length");
    }

    @Test
    void aCodeMustNotEqualAnotherItemsName() {
        EntryDraft d = valid();
        EntryDraft draft = new EntryDraft(DEPT, "DEPARTMENT", "3-01-02", d.name(), d.summary(), d.format(), d.shareType(), null, null,
                d.shareMode(), d.openType(), null, d.updateCycle(),
                List.of(new DataItemDraft("dh", null, "STRING", 20, false, null),
                        new DataItemDraft("电话号码", "dh", "STRING", 20, true, null)),
                List.of(), List.of());
        assertThat(fields(draft)).containsExactly("dataItems[1].code");
    }

    @Test
    void rejectsUnknownDepartmentItemAndRelatedResource() {
        EntryDraft d = valid();
        EntryDraft draft = new EntryDraft("91620900MA00000000", d.resourceCategory(), d.classificationCode(), d.name(), d.summary(),
                d.format(), d.shareType(), null, null, d.shareMode(), d.openType(), null, d.updateCycle(), d.dataItems(),
                List.of("11620900MB0000000X4000117001", "NO-SUCH"), List.of("3-01-02/999999"));
        assertThat(fields(draft)).containsExactlyInAnyOrder("departmentCode", "relatedItemCodes[1]", "relatedResourceCodes[0]");
    }

    @Test
    void requiresEveryMandatoryFieldAtOnce() {
        EntryDraft empty = new EntryDraft(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
        assertThat(fields(empty)).containsExactlyInAnyOrder("departmentCode", "resourceCategory", "classificationCode", "name",
                "abstract", "format", "shareType", "shareMode", "openType", "updateCycle", "dataItems");
    }

    private List<String> fields(EntryDraft draft) {
        return validator.validate(draft).problems().stream().map(FieldProblem::field).toList();
    }
}

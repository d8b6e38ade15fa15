package org.exchangehub.hub.console.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Set;

import org.exchangehub.catalog.Actor;
import org.exchangehub.catalog.ErrorCode;
import org.exchangehub.catalog.FieldProblem;
import org.exchangehub.catalog.RegistryException;
import org.exchangehub.catalog.Role;
import org.exchangehub.catalog.grant.ShareViews.RequestStatus;
import org.exchangehub.catalog.grant.ShareViews.ShareRequestDraft;
import org.exchangehub.catalog.grant.ShareViews.ShareRequestView;
import org.exchangehub.catalog.grant.SharingService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The registry's application on behalf of a consuming system (what the console's apply form calls): an editor of the
 * department that runs the system, or an admin, applies with the same checks as the system itself, and the history
 * names the person.
 */
class ApplyOnBehalfIT extends SharingConsoleTest {

    @Autowired
    SharingService sharing;

    static final ShareRequestDraft DRAFT = new ShareRequestDraft("企业开办时核验营业执照", "《市场主体登记管理条例》",
            List.of("企业名称", "法定代表人身份证号"), List.of("法定代表人身份证号"), 50);

    @Test
    void anEditorAppliesForASystemOfHerDepartmentAndTheHistoryNamesHer() {
        department(MARKET_REGULATION, "酒泉市市场监督管理局");
        department(NATURAL_RESOURCES, "酒泉市自然资源局");
        String code = publishEntry(MARKET_REGULATION, unique("企业登记信息"), "CONDITIONAL");
        String system = registerSystem(NATURAL_RESOURCES, "不动产登记系统");
        Actor editor = new Actor("zhao.liu", Set.of(Role.DEPT_EDITOR), NATURAL_RESOURCES);

        ShareRequestView applied = sharing.apply(editor, system, code, DRAFT);

        assertThat(applied.status()).isEqualTo(RequestStatus.PENDING);
        assertThat(applied.consumerSystemId()).isEqualTo(system);
        assertThat(applied.requestedBy()).isEqualTo("zhao.liu");
        assertThat(applied.unmaskedItems()).containsExactly("法定代表人身份证号");
        assertThat(sharing.history(editor, applied.id())).singleElement().satisfies(h -> {
            assertThat(h.action()).isEqualTo("REQUESTED");
            assertThat(h.actor()).isEqualTo("zhao.liu");
            assertThat(h.details()).containsEntry("consumerSystem", system);
        });
        assertThat(sharing.requests(editor, null, false, "requestedAt", false, 0, 50).items())
                .as("her department's systems' requests are hers to see").extracting(ShareRequestView::id).contains(applied.id());
    }

    @Test
    void onlyTheSystemsDepartmentsEditorsAndAdminsMayApplyForIt() {
        department(MARKET_REGULATION, "酒泉市市场监督管理局");
        department(NATURAL_RESOURCES, "酒泉市自然资源局");
        String code = publishEntry(MARKET_REGULATION, unique("企业登记信息"), "UNCONDITIONAL");
        String system = registerSystem(NATURAL_RESOURCES, "不动产登记系统");

        RegistryException otherDepartment = catchThrowableOfType(RegistryException.class, () -> sharing.apply(
                new Actor("zhang.san", Set.of(Role.DEPT_EDITOR), MARKET_REGULATION), system, code, DRAFT));
        assertThat(otherDepartment.code()).isEqualTo(ErrorCode.FORBIDDEN);
        RegistryException reviewer = catchThrowableOfType(RegistryException.class, () -> sharing.apply(
                new Actor("wang.wu", Set.of(Role.REVIEWER), NATURAL_RESOURCES), system, code, DRAFT));
        assertThat(reviewer.code()).isEqualTo(ErrorCode.FORBIDDEN);

        ShareRequestView byAdmin = sharing.apply(new Actor("li.si", Set.of(Role.ADMIN), DATA_BUREAU), system, code,
                new ShareRequestDraft("不动产登记时核验企业", null, List.of("企业名称"), List.of(), null));
        assertThat(byAdmin.status()).as("unconditional and nothing unmasked: granted at once").isEqualTo(RequestStatus.APPROVED);
        assertThat(byAdmin.grantId()).isNotNull();
    }

    @Test
    void theSameChecksNameTheFieldsAtFault() {
        department(MARKET_REGULATION, "酒泉市市场监督管理局");
        department(NATURAL_RESOURCES, "酒泉市自然资源局");
        String code = publishEntry(MARKET_REGULATION, unique("企业登记信息"), "CONDITIONAL");
        Actor editor = new Actor("zhao.liu", Set.of(Role.DEPT_EDITOR), NATURAL_RESOURCES);

        RegistryException noSystem = catchThrowableOfType(RegistryException.class, () -> sharing.apply(editor, "", code, DRAFT));
        assertThat(noSystem.fieldProblems()).extracting(FieldProblem::field).containsExactly("consumerSystemId");
        RegistryException unknown = catchThrowableOfType(RegistryException.class, () -> sharing.apply(editor, "no-such-system", code, DRAFT));
        assertThat(unknown.fieldProblems()).extracting(FieldProblem::field).containsExactly("consumerSystemId");

        String system = registerSystem(NATURAL_RESOURCES, "不动产登记系统");
        RegistryException bad = catchThrowableOfType(RegistryException.class, () -> sharing.apply(editor, system, code,
                new ShareRequestDraft(" ", null, List.of("企业名称", "房产面积"), List.of("企业名称"), 0)));
        assertThat(bad.fieldProblems()).extracting(FieldProblem::field)
                .containsExactlyInAnyOrder("purpose", "expectedDailyVolume", "dataItems[1]", "unmaskedItems[0]");
    }
}

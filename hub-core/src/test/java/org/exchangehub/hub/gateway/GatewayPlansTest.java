package org.exchangehub.hub.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.exchangehub.catalog.entry.EntryService;
import org.exchangehub.catalog.grant.ConsumerSystemService;
import org.exchangehub.catalog.grant.ShareViews.GrantStatus;
import org.exchangehub.catalog.grant.ShareViews.GrantView;
import org.exchangehub.catalog.grant.SharingService;
import org.exchangehub.catalog.mount.MountService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway's plan cache against a real (single, private) Hazelcast member, the registry mocked. */
class GatewayPlansTest {

    static HazelcastInstance hazelcast;

    @BeforeAll
    static void startMember() {
        Config config = new Config().setClusterName("gateway-plans-test-" + UUID.randomUUID());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.getJetConfig().setEnabled(false);
        config.getNetworkConfig().setPort(5801).setPortAutoIncrement(true).getJoin().getMulticastConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
        hazelcast = Hazelcast.newHazelcastInstance(config);
    }

    @AfterAll
    static void stopMember() {
        hazelcast.shutdown();
    }

    EntryService entries = mock(EntryService.class);
    MountService mounts = mock(MountService.class);
    SharingService sharing = mock(SharingService.class);
    GatewayPlans plans;
    String code;

    @BeforeEach
    void plans() {
        plans = new GatewayPlans(hazelcast, mock(ConsumerSystemService.class), sharing, entries, mounts);
        code = "3-01-02/" + String.format("%06d", (int) (Math.random() * 999_999));
        when(entries.publishedDataItems(code)).thenReturn(List.of());
        when(mounts.callableMounts(code)).thenReturn(List.of());
    }

    static GrantView grant(String consumer) {
        OffsetDateTime now = OffsetDateTime.now();
        return new GrantView(7, 3, "3-01-02/000001", "企业营业执照信息", "11620900MB00000013", "酒泉市市场监督管理局", consumer,
                consumer + "系统", List.of("企业名称"), List.of(),
                now.minusDays(1), now.plusDays(30), 1000, 10, GrantStatus.ACTIVE, "reviewer", now, null, null, null);
    }

    @Test
    void readsTheRegistryOnceAndThenServesFromTheCache() {
        when(sharing.activeGrants(code)).thenReturn(List.of(grant("estate")));

        GatewayPlans.ResourcePlan first = plans.plan(code);
        GatewayPlans.ResourcePlan second = plans.plan(code);

        assertThat(second.grantOf("estate", OffsetDateTime.now())).isPresent();
        assertThat(second).isEqualTo(first);
        verify(sharing, times(1)).activeGrants(code);
    }

    @Test
    void aDroppedPlanIsReadAgain() {
        when(sharing.activeGrants(code)).thenReturn(List.of(grant("estate")), List.of());
        assertThat(plans.plan(code).grantOf("estate", OffsetDateTime.now())).isPresent();

        plans.drop(code);

        assertThat(plans.plan(code).grantOf("estate", OffsetDateTime.now())).isEmpty();
        verify(sharing, times(2)).activeGrants(code);
    }

    @Test
    void aPlanReadWhileTheEntryChangesIsNotKept() {
        // the change commits (and drops the plan) after the loader read the old grants, before it stored them
        AtomicReference<Boolean> changed = new AtomicReference<>(false);
        when(sharing.activeGrants(code)).thenAnswer(call -> {
            if (!changed.getAndSet(true)) {
                plans.drop(code);
            }
            return List.of(grant("estate"));
        });

        plans.plan(code);

        assertThat(hazelcast.getMap(GatewayPlans.PLANS).containsKey(code)).as("the stale plan was discarded").isFalse();
        plans.plan(code);
        assertThat(hazelcast.getMap(GatewayPlans.PLANS).containsKey(code)).as("the next read is kept").isTrue();
    }

    @Test
    void aGrantIsHonouredOnlyWithinItsValidity() {
        OffsetDateTime now = OffsetDateTime.now();
        GrantView g = grant("estate");
        GrantView later = new GrantView(8, 4, g.resourceCode(), g.entryName(), g.providerDepartmentCode(), g.providerDepartmentName(),
                "later", "later系统", g.dataItems(), g.unmaskedItems(),
                now.plusDays(1), now.plusDays(2), 10, 1, GrantStatus.ACTIVE, "reviewer", now, null, null, null);
        when(sharing.activeGrants(code)).thenReturn(List.of(g, later));

        GatewayPlans.ResourcePlan plan = plans.plan(code);

        assertThat(plan.grantOf("later", now)).as("not yet valid").isEmpty();
        assertThat(plan.grantOf("later", now.plusDays(1).plusMinutes(1))).isPresent();
        assertThat(plan.grantOf("estate", now.plusDays(31))).as("expired").isEmpty();
    }
}

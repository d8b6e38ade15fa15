package org.exchangehub.hub.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NearCacheConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.exchangehub.catalog.Actor;
import org.exchangehub.catalog.entry.DataItem;
import org.exchangehub.catalog.entry.EntryService;
import org.exchangehub.catalog.event.CatalogChangeRecorded;
import org.exchangehub.catalog.event.CatalogEventOutbox;
import org.exchangehub.catalog.event.CatalogEventType;
import org.exchangehub.catalog.grant.ConsumerSystem;
import org.exchangehub.catalog.grant.ConsumerSystemChanged;
import org.exchangehub.catalog.grant.ConsumerSystemService;
import org.exchangehub.catalog.grant.ShareViews.GrantView;
import org.exchangehub.catalog.grant.SharingService;
import org.exchangehub.catalog.mount.MountKind;
import org.exchangehub.catalog.mount.MountService;
import org.exchangehub.catalog.mount.MountedResource;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What the gateway needs to know about an entry for every call (its published data items, its API mounts, its
 * active grants), read once from the registry and kept in Hazelcast, with a near cache on each node so a call
 * reads it from memory. A change to the entry, its mounts or its grants drops the plan: on this node as soon as
 * the change commits, on the others from the catalogue event on Kafka.
 *
 * <p>A plan being loaded while a change commits must not be stored stale: a drop first advances the entry's
 * generation, and a loader that sees the generation move while it read discards what it read.
 */
@Component
public class GatewayPlans {

    /** The operation under which a TABLE mount is called: a key lookup. */
    public static final String TABLE_LOOKUP = MountKind.TABLE_LOOKUP;

    static final String PLANS = "gateway.plans";
    static final String GENERATIONS = "gateway.plan-generations";
    static final String CONSUMERS = "gateway.consumers";
    /** A safety net only: plans are dropped on change; this bounds the life of one whose drop was missed. */
    static final int PLAN_TTL_SECONDS = 600;

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The changes a plan depends on: what is published, mounted and granted. Drafts, reviews, requests, health and
     * reference data leave it as it is (a bulk import of 50,000 drafts drops nothing).
     */
    static final Set<CatalogEventType> PLAN_CHANGES = Set.of(CatalogEventType.ENTRY_PUBLISHED, CatalogEventType.ENTRY_RETIRED,
            CatalogEventType.RESOURCE_MOUNTED, CatalogEventType.RESOURCE_UNMOUNTED, CatalogEventType.GRANT_CREATED,
            CatalogEventType.GRANT_REVOKED);

    private final IMap<String, ResourcePlan> plans;
    private final IMap<String, Long> generations;
    private final IMap<String, ConsumerSystem> consumersByClientId;
    private final ConsumerSystemService consumers;
    private final SharingService sharing;
    private final EntryService entries;
    private final MountService mounts;

    public GatewayPlans(HazelcastInstance hazelcast, ConsumerSystemService consumers, SharingService sharing, EntryService entries,
                        MountService mounts) {
        for (String cached : List.of(PLANS, CONSUMERS)) {
            hazelcast.getConfig().addMapConfig(new MapConfig(cached).setTimeToLiveSeconds(PLAN_TTL_SECONDS)
                    .setNearCacheConfig(new NearCacheConfig(cached).setInMemoryFormat(InMemoryFormat.OBJECT)
                            .setCacheLocalEntries(true).setInvalidateOnChange(true)));
        }
        this.plans = hazelcast.getMap(PLANS);
        this.generations = hazelcast.getMap(GENERATIONS);
        this.consumersByClientId = hazelcast.getMap(CONSUMERS);
        this.consumers = consumers;
        this.sharing = sharing;
        this.entries = entries;
        this.mounts = mounts;
    }

    /** The registered consuming system the actor's token was issued to; refuses as {@link ConsumerSystemService#of} does. */
    public ConsumerSystem consumer(Actor actor) {
        ConsumerSystem cached = actor.clientId() == null ? null : consumersByClientId.get(actor.clientId());
        if (cached != null && actor.has(org.exchangehub.catalog.Role.CONSUMER)) {
            return cached;
        }
        // the same protocol as plans: one generation for all consuming systems, which change rarely
        Long before = generations.get(CONSUMERS);
        ConsumerSystem system = consumers.of(actor);
        consumersByClientId.set(actor.clientId(), system);
        if (!java.util.Objects.equals(before, generations.get(CONSUMERS))) {
            consumersByClientId.delete(actor.clientId());
        }
        return system;
    }

    /** The entry's plan; throws the registry's not-found for an unknown resource code. */
    public ResourcePlan plan(String resourceCode) {
        ResourcePlan plan = plans.get(resourceCode);
        if (plan != null) {
            return plan;
        }
        Long before = generations.get(resourceCode);
        plan = load(resourceCode);
        plans.set(resourceCode, plan);
        if (!java.util.Objects.equals(before, generations.get(resourceCode))) {
            plans.delete(resourceCode); // changed while we read: the next call reads again
        }
        return plan;
    }

    private ResourcePlan load(String resourceCode) {
        List<DataItem> items = entries.publishedDataItems(resourceCode);
        Map<String, PlanMount> apiMounts = new LinkedHashMap<>();
        for (MountedResource m : mounts.callableMounts(resourceCode)) {
            if (m.kind() == MountKind.TABLE) {
                apiMounts.putIfAbsent(TABLE_LOOKUP, new PlanMount(m.id(), MountKind.TABLE, null, TABLE_LOOKUP, m.datasourceId(),
                        m.tableName(), Map.copyOf(m.columnMapping())));
            } else {
                apiMounts.putIfAbsent(m.operation(), new PlanMount(m.id(), MountKind.API, m.connectorId(), m.operation(), null, null,
                        Map.of()));
            }
        }
        Map<String, PlanGrant> grants = new LinkedHashMap<>();
        for (GrantView g : sharing.activeGrants(resourceCode)) {
            // the newest grant wins, as in SharingService.activeGrant
            grants.put(g.consumerSystemId(), new PlanGrant(g.id(), Set.copyOf(g.dataItems()), Set.copyOf(g.unmaskedItems()),
                    g.validFrom(), g.validUntil(), g.callsPerDay(), g.callsPerSecond()));
        }
        return new ResourcePlan(resourceCode, List.copyOf(items), Map.copyOf(apiMounts), Map.copyOf(grants));
    }

    /** Drops the plans of the entries a committed change concerns; runs on the node that made the change. */
    @TransactionalEventListener(fallbackExecution = true)
    void onCatalogChange(CatalogChangeRecorded change) {
        change.events().stream().filter(e -> e.resourceCode() != null && PLAN_CHANGES.contains(e.type()))
                .map(CatalogEventOutbox.Pending::resourceCode).distinct().forEach(this::drop);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onConsumerSystemChange(ConsumerSystemChanged change) {
        // a client id may have moved between systems: drop them all, it happens rarely
        generations.executeOnKey(CONSUMERS, new NextGeneration());
        consumersByClientId.clear();
    }

    /**
     * Catalogue events from every node: the node that made a change has dropped the plan already, on commit; this
     * covers a node that failed between its commit and its drop. Each node listens in a group of its own.
     */
    @KafkaListener(id = "gateway-plan-invalidation", topics = "${hub.catalog.events-topic:hub.catalog.events}",
            groupId = "hub-gateway-#{T(java.util.UUID).randomUUID().toString()}", properties = {"auto.offset.reset=latest"})
    void onCatalogEvent(String event) {
        try {
            var node = JSON.readTree(event);
            String resourceCode = node.path("resourceCode").asText(null);
            String type = node.path("type").asText("");
            boolean changesPlans = PLAN_CHANGES.stream().anyMatch(t -> t.name().equals(type));
            if (resourceCode != null && changesPlans) {
                drop(resourceCode);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            dropAll(); // unreadable: drop everything rather than keep something stale
        }
    }

    /** Drops one entry's plan on every node. */
    public void drop(String resourceCode) {
        generations.executeOnKey(resourceCode, new NextGeneration());
        plans.delete(resourceCode);
    }

    /** Drops every plan and consuming system: for events that name no entry. */
    public void dropAll() {
        plans.keySet().forEach(this::drop);
        consumersByClientId.clear();
    }

    /** Adds one to an entry's generation, on the member owning it. */
    static final class NextGeneration implements EntryProcessor<String, Long, Long> {
        @Override
        public Long process(Map.Entry<String, Long> entry) {
            long next = (entry.getValue() == null ? 0L : entry.getValue()) + 1;
            entry.setValue(next);
            return next;
        }
    }

    /** What the gateway needs of one entry. Immutable: the near cache hands the same instance to every call. */
    public record ResourcePlan(String resourceCode, List<DataItem> dataItems, Map<String, PlanMount> apiMounts,
                               Map<String, PlanGrant> grantsByConsumer) implements Serializable {

        /** The consumer's grant, if it holds one valid at this moment. */
        public java.util.Optional<PlanGrant> grantOf(String consumerSystemId, OffsetDateTime now) {
            PlanGrant g = grantsByConsumer.get(consumerSystemId);
            return g != null && !now.isBefore(g.validFrom()) && now.isBefore(g.validUntil()) ? java.util.Optional.of(g)
                    : java.util.Optional.empty();
        }
    }

    /**
     * A mounted resource the gateway calls: an API (connector and its operation) or a TABLE (a data source's table,
     * its columns mapped to data items), which consumers call as the operation {@value #TABLE_LOOKUP}.
     */
    public record PlanMount(long mountId, MountKind kind, String connectorId, String operation, String datasourceId,
                            String tableName, Map<String, String> columnMapping) implements Serializable {
    }

    public record PlanGrant(long id, Set<String> dataItems, Set<String> unmaskedItems, OffsetDateTime validFrom,
                            OffsetDateTime validUntil, int callsPerDay, int callsPerSecond) implements Serializable {
    }
}

package org.exchangehub.catalog.grant;

import static org.exchangehub.catalog.jooq.Tables.CATALOG_ENTRY;
import static org.exchangehub.catalog.jooq.Tables.CONSUMER_SYSTEM;
import static org.exchangehub.catalog.jooq.Tables.DEPARTMENT;
import static org.exchangehub.catalog.jooq.Tables.SHARE_GRANT;
import static org.exchangehub.catalog.jooq.Tables.SHARE_HISTORY;
import static org.exchangehub.catalog.jooq.Tables.SHARE_REQUEST;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.exchangehub.catalog.Actor;
import org.exchangehub.catalog.ErrorCode;
import org.exchangehub.catalog.FieldProblem;
import org.exchangehub.catalog.JsonColumns;
import org.exchangehub.catalog.PageResult;
import org.exchangehub.catalog.RegistryException;
import org.exchangehub.catalog.Role;
import org.exchangehub.catalog.entry.DataItem;
import org.exchangehub.catalog.entry.EntryContent;
import org.exchangehub.catalog.entry.EntryEnums.ShareType;
import org.exchangehub.catalog.entry.EntryPublished;
import org.exchangehub.catalog.entry.EntryRetired;
import org.exchangehub.catalog.entry.EntryService;
import org.exchangehub.catalog.entry.EntryService.EntryRef;
import org.exchangehub.catalog.entry.EntryStatus;
import org.exchangehub.catalog.entry.EntryViews.CatalogEntryView;
import org.exchangehub.catalog.event.CatalogEventOutbox;
import org.exchangehub.catalog.event.CatalogEventType;
import org.exchangehub.catalog.grant.ShareViews.Approval;
import org.exchangehub.catalog.grant.ShareViews.GrantStatus;
import org.exchangehub.catalog.grant.ShareViews.GrantView;
import org.exchangehub.catalog.grant.ShareViews.RequestStatus;
import org.exchangehub.catalog.grant.ShareViews.ShareHistoryRecord;
import org.exchangehub.catalog.grant.ShareViews.ShareRequestDraft;
import org.exchangehub.catalog.grant.ShareViews.ShareRequestView;
import org.exchangehub.catalog.jooq.tables.records.ShareGrantRecord;
import org.exchangehub.catalog.jooq.tables.records.ShareRequestRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Share requests and grants (共享申请 / 授权). A consuming system applies for a published entry: UNCONDITIONAL
 * entries are granted at once (unless sensitive items are wanted unmasked, which the provider must approve),
 * CONDITIONAL ones wait for the provider department's reviewer, NOT_SHARED ones are refused citing their legal
 * basis. Grants name data items, validity and quota, and can be revoked. Every step is kept and announced.
 */
@Service
public class SharingService {

    static final String POLICY_ACTOR = "policy";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final DSLContext db;
    private final EntryService entries;
    private final ConsumerSystemService consumers;
    private final CatalogEventOutbox events;
    private final JsonColumns columns;

    public SharingService(DSLContext db, EntryService entries, ConsumerSystemService consumers, CatalogEventOutbox events,
                          JsonColumns columns) {
        this.db = db;
        this.entries = entries;
        this.consumers = consumers;
        this.events = events;
        this.columns = columns;
    }

    /** A consuming system applies with its own token (role consumer, azp its client id). */
    @Transactional
    public ShareRequestView apply(Actor actor, String resourceCode, ShareRequestDraft draft) {
        return apply(actor, consumers.of(actor), resourceCode, draft);
    }

    /**
     * A person applies on behalf of a registered consuming system: an editor of the department that runs the system,
     * or an admin. The same checks as a system's own application; the history names the person who applied.
     */
    @Transactional
    public ShareRequestView apply(Actor actor, String consumerSystemId, String resourceCode, ShareRequestDraft draft) {
        return apply(actor, consumers.forApplicant(actor, consumerSystemId), resourceCode, draft);
    }

    private ShareRequestView apply(Actor actor, ConsumerSystem consumer, String resourceCode, ShareRequestDraft draft) {
        CatalogEntryView entry = entries.view(actor, resourceCode);
        if (entry.status() != EntryStatus.PUBLISHED || entry.published() == null) {
            throw new RegistryException(ErrorCode.INVALID_STATE, "Entry " + resourceCode + " is " + entry.status()
                    + "; only published entries can be applied for");
        }
        EntryContent content = entry.published().content();
        EntryRef ref = entries.ref(resourceCode);
        List<FieldProblem> p = new ArrayList<>();
        if (draft.purpose() == null || draft.purpose().isBlank()) {
            p.add(new FieldProblem("purpose", "required: what the data will be used for (用途)"));
        } else if (draft.purpose().length() > 2000) {
            p.add(new FieldProblem("purpose", "at most 2000 characters"));
        }
        if (draft.expectedDailyVolume() != null && draft.expectedDailyVolume() < 1) {
            p.add(new FieldProblem("expectedDailyVolume", "expected a number of calls a day, 1 or more"));
        }
        List<String> items = itemNames(p, "dataItems", draft.dataItems(), content, true);
        List<String> unmasked = itemNames(p, "unmaskedItems", draft.unmaskedItems(), content, false);
        for (int i = 0; i < unmasked.size(); i++) {
            String name = unmasked.get(i);
            if (!items.contains(name)) {
                p.add(new FieldProblem("unmaskedItems[" + i + "]", "'" + name + "' must also be among dataItems"));
            } else if (!sensitive(content, name)) {
                p.add(new FieldProblem("unmaskedItems[" + i + "]", "'" + name + "' is not sensitive: it is never masked"));
            }
        }
        if (!p.isEmpty()) {
            throw RegistryException.invalid(p);
        }
        // one application at a time per consuming system, so two concurrent ones cannot both pass the checks below
        db.selectFrom(CONSUMER_SYSTEM).where(CONSUMER_SYSTEM.ID.eq(consumer.id())).forUpdate().fetch();
        Condition openForThisPair = SHARE_REQUEST.ENTRY_ID.eq(ref.id()).and(SHARE_REQUEST.CONSUMER_SYSTEM_ID.eq(consumer.id()));
        if (db.fetchExists(SHARE_REQUEST, openForThisPair.and(SHARE_REQUEST.STATUS.eq(RequestStatus.PENDING.name())))) {
            throw new RegistryException(ErrorCode.DUPLICATE, consumer.id() + " already has a pending request for " + resourceCode);
        }
        if (activeGrant(consumer.id(), ref.id()).isPresent()) {
            throw new RegistryException(ErrorCode.DUPLICATE, consumer.id() + " already holds an active grant for " + resourceCode
                    + "; ask the provider to revoke it before applying again");
        }
        ShareRequestRecord r = db.newRecord(SHARE_REQUEST);
        r.setEntryId(ref.id());
        r.setEntryVersion(entry.published().version());
        r.setConsumerSystemId(consumer.id());
        r.setPurpose(draft.purpose().strip());
        r.setLegalBasis(draft.legalBasis() == null || draft.legalBasis().isBlank() ? null : draft.legalBasis().strip());
        r.setRequestedItems(columns.write(items));
        r.setUnmaskedItems(columns.write(unmasked));
        r.setExpectedDailyVolume(draft.expectedDailyVolume());
        r.setStatus(RequestStatus.PENDING.name());
        r.setRequestedBy(actor.username());
        r.store();
        history(r.getId(), null, "REQUESTED", actor.username(), null, Map.of("consumerSystem", consumer.id(), "dataItems", items,
                "unmaskedItems", unmasked));
        event(CatalogEventType.SHARE_REQUESTED, ref, actor.username(), Map.of("requestId", r.getId(), "consumerSystem", consumer.id()));

        if (content.shareType() == ShareType.NOT_SHARED) {
            decide(r, RequestStatus.REFUSED, POLICY_ACTOR, "不予共享 (not shared): " + content.legalBasis());
            event(CatalogEventType.SHARE_REQUEST_REFUSED, ref, POLICY_ACTOR, Map.of("requestId", r.getId()));
        } else if (content.shareType() == ShareType.UNCONDITIONAL && unmasked.isEmpty()) {
            decide(r, RequestStatus.APPROVED, POLICY_ACTOR, "无条件共享 (unconditional sharing)");
            grant(r, ref, POLICY_ACTOR, new Approval(null, null, null, null, null, null));
        }
        return request(r.getId());
    }

    @Transactional
    public ShareRequestView approve(Actor actor, long requestId, Approval approval) {
        ShareRequestRecord r = lockPending(requestId);
        EntryRef ref = providerOf(actor, r);
        if (ref.status() != EntryStatus.PUBLISHED) {
            throw new RegistryException(ErrorCode.INVALID_STATE, "Entry " + ref.resourceCode() + " is " + ref.status()
                    + "; only a published entry's requests can be approved");
        }
        Approval a = approval == null ? new Approval(null, null, null, null, null, null) : approval;
        decide(r, RequestStatus.APPROVED, actor.username(), blank(a.reason()) ? null : a.reason().strip());
        grant(r, ref, actor.username(), a);
        return request(requestId);
    }

    @Transactional
    public ShareRequestView reject(Actor actor, long requestId, String reason) {
        if (blank(reason)) {
            throw RegistryException.invalid(List.of(new FieldProblem("reason", "required: tell the consumer why")));
        }
        ShareRequestRecord r = lockPending(requestId);
        EntryRef ref = providerOf(actor, r);
        decide(r, RequestStatus.REJECTED, actor.username(), reason.strip());
        event(CatalogEventType.SHARE_REQUEST_REJECTED, ref, actor.username(), Map.of("requestId", requestId));
        return request(requestId);
    }

    @Transactional
    public GrantView revoke(Actor actor, long grantId, String reason) {
        if (blank(reason)) {
            throw RegistryException.invalid(List.of(new FieldProblem("reason", "required: tell the consumer why")));
        }
        ShareGrantRecord g = db.selectFrom(SHARE_GRANT).where(SHARE_GRANT.ID.eq(grantId)).forUpdate().fetchOptional()
                .orElseThrow(() -> RegistryException.notFound("grant", String.valueOf(grantId)));
        ShareRequestRecord r = db.selectFrom(SHARE_REQUEST).where(SHARE_REQUEST.ID.eq(g.getShareRequestId())).fetchSingle();
        EntryRef ref = providerOf(actor, r);
        if (GrantStatus.valueOf(g.getStatus()) == GrantStatus.REVOKED) {
            throw new RegistryException(ErrorCode.INVALID_STATE, "Grant " + grantId + " is already revoked");
        }
        g.setStatus(GrantStatus.REVOKED.name());
        g.setRevokedBy(actor.username());
        g.setRevokedAt(OffsetDateTime.now());
        g.setRevokeReason(reason.strip());
        g.store();
        history(r.getId(), grantId, "REVOKED", actor.username(), reason.strip(), null);
        event(CatalogEventType.GRANT_REVOKED, ref, actor.username(), Map.of("grantId", grantId, "consumerSystem", g.getConsumerSystemId()));
        return grantView(grantId);
    }

    /** A retired entry takes its grants and pending requests with it, in the same transaction. */
    @EventListener
    public void onEntryRetired(EntryRetired retired) {
        endSharing(retired.entryId(), retired.resourceCode(), retired.actor(),
                "目录已注销 (entry retired)" + (retired.reason() == null ? "" : ": " + retired.reason()), RequestStatus.REJECTED);
    }

    /** An entry republished as NOT_SHARED ends its grants and refuses its pending requests. */
    @EventListener
    public void onEntryPublished(EntryPublished published) {
        if (published.shareType() == ShareType.NOT_SHARED) {
            endSharing(published.entryId(), published.resourceCode(), published.actor(),
                    "目录改为不予共享 (entry no longer shared)", RequestStatus.REFUSED);
        }
    }

    private void endSharing(long entryId, String resourceCode, String actor, String reason, RequestStatus pendingBecome) {
        EntryRef ref = entries.ref(resourceCode);
        for (ShareGrantRecord g : db.selectFrom(SHARE_GRANT).where(SHARE_GRANT.ENTRY_ID.eq(entryId),
                SHARE_GRANT.STATUS.eq(GrantStatus.ACTIVE.name())).forUpdate().fetch()) {
            g.setStatus(GrantStatus.REVOKED.name());
            g.setRevokedBy(actor);
            g.setRevokedAt(OffsetDateTime.now());
            g.setRevokeReason(reason);
            g.store();
            history(g.getShareRequestId(), g.getId(), "REVOKED", actor, reason, null);
            event(CatalogEventType.GRANT_REVOKED, ref, actor, Map.of("grantId", g.getId(), "consumerSystem", g.getConsumerSystemId()));
        }
        for (ShareRequestRecord r : db.selectFrom(SHARE_REQUEST).where(SHARE_REQUEST.ENTRY_ID.eq(entryId),
                SHARE_REQUEST.STATUS.eq(RequestStatus.PENDING.name())).forUpdate().fetch()) {
            decide(r, pendingBecome, actor, reason);
        }
    }

    /** The grant a consuming system holds for an entry right now, if any: what the gateway checks. */
    @Transactional(readOnly = true)
    public Optional<GrantView> activeGrant(String consumerSystemId, String resourceCode) {
        return activeGrant(consumerSystemId, entries.ref(resourceCode).id());
    }

    /**
     * Every grant of an entry that is active and not yet expired, for the gateway's cache of what may be called; empty
     * unless the entry is published and shared. Validity is checked again at each call.
     */
    @Transactional(readOnly = true)
    public List<GrantView> activeGrants(String resourceCode) {
        OffsetDateTime now = OffsetDateTime.now();
        return grantRows()
                .where(CATALOG_ENTRY.RESOURCE_CODE.eq(resourceCode), SHARE_GRANT.STATUS.eq(GrantStatus.ACTIVE.name()),
                        SHARE_GRANT.VALID_UNTIL.gt(now),
                        CATALOG_ENTRY.STATUS.eq(EntryStatus.PUBLISHED.name()), CATALOG_ENTRY.SHARE_TYPE.ne(ShareType.NOT_SHARED.name()))
                .orderBy(SHARE_GRANT.ID)
                .fetch(this::grantView);
    }

    @Transactional(readOnly = true)
    public ShareRequestView request(Actor actor, long requestId) {
        ShareRequestView view = request(requestId);
        requireParty(actor, view.consumerSystemId(), view.providerDepartmentCode());
        return view;
    }

    /** Requests this actor may see: a consumer its own, a provider department's reviewer its entries', admins all. */
    @Transactional(readOnly = true)
    public List<ShareRequestView> requests(Actor actor, String status) {
        Condition c = partyCondition(actor, SHARE_REQUEST.CONSUMER_SYSTEM_ID);
        if (!blank(status)) {
            c = c.and(SHARE_REQUEST.STATUS.eq(status.strip().toUpperCase()));
        }
        return requestRows().where(c).orderBy(SHARE_REQUEST.ID.desc()).limit(500).fetch(this::requestView);
    }

    @Transactional(readOnly = true)
    public List<ShareHistoryRecord> history(Actor actor, long requestId) {
        request(actor, requestId);
        return db.selectFrom(SHARE_HISTORY).where(SHARE_HISTORY.SHARE_REQUEST_ID.eq(requestId)).orderBy(SHARE_HISTORY.ID)
                .fetch(h -> new ShareHistoryRecord(h.getAction(), h.getActor(), h.getOccurredAt(), h.getReason(), h.getShareGrantId(),
                        columns.map(h.getDetails())));
    }

    @Transactional(readOnly = true)
    public GrantView grant(Actor actor, long grantId) {
        GrantView view = grantView(grantId);
        requireParty(actor, view.consumerSystemId(), view.providerDepartmentCode());
        return view;
    }

    @Transactional(readOnly = true)
    public List<GrantView> grants(Actor actor) {
        return grantRows().where(partyCondition(actor, SHARE_GRANT.CONSUMER_SYSTEM_ID)).orderBy(SHARE_GRANT.ID.desc()).limit(500)
                .fetch(this::grantView);
    }

    /** Columns the paged lists sort by. */
    public static final java.util.Set<String> REQUEST_SORTS = java.util.Set.of("requestedAt", "entry", "consumer", "status");
    public static final java.util.Set<String> GRANT_SORTS = java.util.Set.of("grantedAt", "entry", "consumer", "validUntil",
            "callsPerDay", "status");

    /**
     * One page of the requests the actor may see (or, with {@code toDecide}, only those the actor may decide: its
     * provider department's, all for an admin), sorted and paged in SQL; {@code sort} one of {@link #REQUEST_SORTS}.
     */
    @Transactional(readOnly = true)
    public PageResult<ShareRequestView> requests(Actor actor, String status, boolean toDecide, String sort, boolean ascending,
                                                 int page, int size) {
        Condition c = toDecide ? decidableCondition(actor) : partyCondition(actor, SHARE_REQUEST.CONSUMER_SYSTEM_ID);
        if (!blank(status)) {
            c = c.and(SHARE_REQUEST.STATUS.eq(status.strip().toUpperCase()));
        }
        org.jooq.Field<?> order = switch (sort == null ? "" : sort) {
            case "entry" -> org.exchangehub.catalog.text.PinyinOrder.of(CATALOG_ENTRY.NAME);
            case "consumer" -> consumerName(SHARE_REQUEST.CONSUMER_SYSTEM_ID);
            case "status" -> SHARE_REQUEST.STATUS;
            default -> SHARE_REQUEST.REQUESTED_AT;
        };
        long total = db.fetchCount(db.select(SHARE_REQUEST.ID).from(SHARE_REQUEST).join(CATALOG_ENTRY)
                .on(CATALOG_ENTRY.ID.eq(SHARE_REQUEST.ENTRY_ID)).where(c));
        List<ShareRequestView> rows = requestRows().where(c)
                .orderBy(ascending ? order.asc() : order.desc(), ascending ? SHARE_REQUEST.ID.asc() : SHARE_REQUEST.ID.desc())
                .limit(size).offset((long) page * size)
                .fetch(this::requestView);
        return new PageResult<>(rows, page, size, total);
    }

    /** One page of the grants the actor may see, sorted and paged in SQL; {@code sort} one of {@link #GRANT_SORTS}. */
    @Transactional(readOnly = true)
    public PageResult<GrantView> grants(Actor actor, String status, String sort, boolean ascending, int page, int size) {
        Condition c = partyCondition(actor, SHARE_GRANT.CONSUMER_SYSTEM_ID);
        if (!blank(status)) {
            c = c.and(SHARE_GRANT.STATUS.eq(status.strip().toUpperCase()));
        }
        org.jooq.Field<?> order = switch (sort == null ? "" : sort) {
            case "entry" -> org.exchangehub.catalog.text.PinyinOrder.of(CATALOG_ENTRY.NAME);
            case "consumer" -> consumerName(SHARE_GRANT.CONSUMER_SYSTEM_ID);
            case "validUntil" -> SHARE_GRANT.VALID_UNTIL;
            case "callsPerDay" -> SHARE_GRANT.CALLS_PER_DAY;
            case "status" -> SHARE_GRANT.STATUS;
            default -> SHARE_GRANT.GRANTED_AT;
        };
        long total = db.fetchCount(db.select(SHARE_GRANT.ID).from(SHARE_GRANT).join(CATALOG_ENTRY)
                .on(CATALOG_ENTRY.ID.eq(SHARE_GRANT.ENTRY_ID)).where(c));
        List<GrantView> rows = grantRows().where(c)
                .orderBy(ascending ? order.asc() : order.desc(), ascending ? SHARE_GRANT.ID.asc() : SHARE_GRANT.ID.desc())
                .limit(size).offset((long) page * size)
                .fetch(this::grantView);
        return new PageResult<>(rows, page, size, total);
    }

    private Condition decidableCondition(Actor actor) {
        if (actor.isAdmin()) {
            return DSL.noCondition();
        }
        return actor.has(Role.REVIEWER) && actor.departmentCode() != null
                ? CATALOG_ENTRY.DEPARTMENT_CODE.eq(actor.departmentCode()) : DSL.falseCondition();
    }

    private void grant(ShareRequestRecord r, EntryRef ref, String grantedBy, Approval a) {
        List<String> requested = columns.read(r.getRequestedItems(), STRINGS);
        List<String> requestedUnmasked = columns.read(r.getUnmaskedItems(), STRINGS);
        List<FieldProblem> p = new ArrayList<>();
        List<String> items = a.dataItems() == null || a.dataItems().isEmpty() ? requested : List.copyOf(new LinkedHashSet<>(a.dataItems()));
        for (int i = 0; i < items.size(); i++) {
            if (!requested.contains(items.get(i))) {
                p.add(new FieldProblem("dataItems[" + i + "]", "'" + items.get(i) + "' was not requested; a grant may only narrow the request"));
            }
        }
        List<String> unmasked = a.unmaskedItems() == null ? requestedUnmasked : List.copyOf(new LinkedHashSet<>(a.unmaskedItems()));
        for (int i = 0; i < unmasked.size(); i++) {
            if (!requestedUnmasked.contains(unmasked.get(i)) || !items.contains(unmasked.get(i))) {
                p.add(new FieldProblem("unmaskedItems[" + i + "]", "'" + unmasked.get(i) + "' was not requested unmasked among the granted items"));
            }
        }
        OffsetDateTime now = OffsetDateTime.now();
        OffsetDateTime until = a.validUntil() == null ? now.plusYears(1) : a.validUntil();
        if (!until.isAfter(now)) {
            p.add(new FieldProblem("validUntil", "must be in the future, got " + until));
        }
        int expected = r.getExpectedDailyVolume() == null ? 0 : r.getExpectedDailyVolume();
        int perDay = a.callsPerDay() == null ? Math.max(1000, 2 * expected) : a.callsPerDay();
        int perSecond = a.callsPerSecond() == null ? 10 : a.callsPerSecond();
        if (perDay < 1) {
            p.add(new FieldProblem("callsPerDay", "expected 1 or more, got " + perDay));
        }
        if (perSecond < 1) {
            p.add(new FieldProblem("callsPerSecond", "expected 1 or more, got " + perSecond));
        }
        if (!p.isEmpty()) {
            throw RegistryException.invalid(p);
        }
        // an ACTIVE grant left for this pair can only be an expired one (apply refuses while one is usable): close it
        db.update(SHARE_GRANT)
                .set(SHARE_GRANT.STATUS, GrantStatus.REVOKED.name())
                .set(SHARE_GRANT.REVOKED_BY, grantedBy)
                .set(SHARE_GRANT.REVOKED_AT, now)
                .set(SHARE_GRANT.REVOKE_REASON, "expired; replaced by a new grant")
                .where(SHARE_GRANT.ENTRY_ID.eq(r.getEntryId()), SHARE_GRANT.CONSUMER_SYSTEM_ID.eq(r.getConsumerSystemId()),
                        SHARE_GRANT.STATUS.eq(GrantStatus.ACTIVE.name()))
                .execute();
        ShareGrantRecord g = db.newRecord(SHARE_GRANT);
        g.setShareRequestId(r.getId());
        g.setEntryId(r.getEntryId());
        g.setConsumerSystemId(r.getConsumerSystemId());
        g.setGrantedItems(columns.write(items));
        g.setUnmaskedItems(columns.write(unmasked));
        g.setValidFrom(now);
        g.setValidUntil(until);
        g.setCallsPerDay(perDay);
        g.setCallsPerSecond(perSecond);
        g.setStatus(GrantStatus.ACTIVE.name());
        g.setGrantedBy(grantedBy);
        g.store();
        history(r.getId(), g.getId(), "GRANTED", grantedBy, null, Map.of("dataItems", items, "unmaskedItems", unmasked,
                "validUntil", until.toString(), "callsPerDay", perDay, "callsPerSecond", perSecond));
        event(CatalogEventType.GRANT_CREATED, ref, grantedBy, Map.of("grantId", g.getId(), "consumerSystem", r.getConsumerSystemId()));
    }

    private void decide(ShareRequestRecord r, RequestStatus status, String actor, String reason) {
        r.setStatus(status.name());
        r.setDecidedBy(actor);
        r.setDecidedAt(OffsetDateTime.now());
        r.setDecisionReason(reason);
        r.store();
        history(r.getId(), null, status.name(), actor, reason, null);
    }

    private Optional<GrantView> activeGrant(String consumerSystemId, long entryId) {
        OffsetDateTime now = OffsetDateTime.now();
        // a grant is only as good as its entry: published and still shared
        return db.select(SHARE_GRANT.ID).from(SHARE_GRANT).join(CATALOG_ENTRY).on(CATALOG_ENTRY.ID.eq(SHARE_GRANT.ENTRY_ID))
                .where(SHARE_GRANT.CONSUMER_SYSTEM_ID.eq(consumerSystemId), SHARE_GRANT.ENTRY_ID.eq(entryId),
                        SHARE_GRANT.STATUS.eq(GrantStatus.ACTIVE.name()), SHARE_GRANT.VALID_FROM.le(now), SHARE_GRANT.VALID_UNTIL.gt(now),
                        CATALOG_ENTRY.STATUS.eq(EntryStatus.PUBLISHED.name()), CATALOG_ENTRY.SHARE_TYPE.ne(ShareType.NOT_SHARED.name()))
                .orderBy(SHARE_GRANT.ID.desc()).limit(1)
                .fetchOptional(SHARE_GRANT.ID).map(this::grantView);
    }

    private ShareRequestRecord lockPending(long requestId) {
        ShareRequestRecord r = db.selectFrom(SHARE_REQUEST).where(SHARE_REQUEST.ID.eq(requestId)).forUpdate().fetchOptional()
                .orElseThrow(() -> RegistryException.notFound("share request", String.valueOf(requestId)));
        if (RequestStatus.valueOf(r.getStatus()) != RequestStatus.PENDING) {
            throw new RegistryException(ErrorCode.INVALID_STATE, "Share request " + requestId + " is " + r.getStatus()
                    + "; only a PENDING request can be decided");
        }
        return r;
    }

    /** The entry behind a request, if the actor may decide for its provider department. */
    private EntryRef providerOf(Actor actor, ShareRequestRecord r) {
        String code = db.select(CATALOG_ENTRY.RESOURCE_CODE).from(CATALOG_ENTRY).where(CATALOG_ENTRY.ID.eq(r.getEntryId())).fetchSingle().value1();
        EntryRef ref = entries.ref(code);
        if (!mayDecide(actor, ref.departmentCode())) {
            throw RegistryException.forbidden("Share requests for " + code + " are decided by reviewers of its provider department "
                    + ref.departmentCode());
        }
        return ref;
    }

    /** May the actor approve, reject and revoke for entries of this provider department? Its reviewers and admins. */
    public boolean mayDecide(Actor actor, String providerDepartment) {
        return actor.isAdmin() || (actor.has(Role.REVIEWER) && providerDepartment != null
                && providerDepartment.equals(actor.departmentCode()));
    }

    private void requireParty(Actor actor, String consumerSystemId, String providerDepartment) {
        if (mayDecide(actor, providerDepartment)) {
            return;
        }
        if (actor.has(Role.CONSUMER) && consumers.byClientId(actor.clientId()).map(c -> c.id().equals(consumerSystemId)).orElse(false)) {
            return;
        }
        if (actor.has(Role.DEPT_EDITOR) && actor.departmentCode() != null
                && db.fetchExists(CONSUMER_SYSTEM, CONSUMER_SYSTEM.ID.eq(consumerSystemId), CONSUMER_SYSTEM.DEPARTMENT_CODE.eq(actor.departmentCode()))) {
            return;
        }
        throw RegistryException.forbidden("Visible to the consuming system, its department's editors, the provider department's "
                + "reviewers and admins only");
    }

    /**
     * The share requests or grants an actor may see, as a condition on a query that joins {@code CATALOG_ENTRY}: a
     * consuming system its own, a department's editors those of the systems their department runs, the provider
     * department's reviewers those of its entries, admins all.
     */
    public Condition partyCondition(Actor actor, org.jooq.Field<String> consumerColumn) {
        if (actor.isAdmin()) {
            return DSL.noCondition();
        }
        Condition c = DSL.falseCondition();
        if (actor.has(Role.REVIEWER) && actor.departmentCode() != null) {
            c = c.or(CATALOG_ENTRY.DEPARTMENT_CODE.eq(actor.departmentCode()));
        }
        if (actor.has(Role.DEPT_EDITOR) && actor.departmentCode() != null) {
            c = c.or(consumerColumn.in(DSL.select(CONSUMER_SYSTEM.ID).from(CONSUMER_SYSTEM)
                    .where(CONSUMER_SYSTEM.DEPARTMENT_CODE.eq(actor.departmentCode()))));
        }
        Optional<ConsumerSystem> consumer = actor.has(Role.CONSUMER) ? consumers.byClientId(actor.clientId()) : Optional.empty();
        if (consumer.isPresent()) {
            c = c.or(consumerColumn.eq(consumer.get().id()));
        }
        return c;
    }

    /** The grant a request led to, if any, read with the request itself. */
    private static final org.jooq.Field<Long> GRANT_OF_REQUEST = DSL.field(DSL.select(SHARE_GRANT.ID).from(SHARE_GRANT)
            .where(SHARE_GRANT.SHARE_REQUEST_ID.eq(SHARE_REQUEST.ID))).as("grant_id");

    /** Requests with their entry, grant and names, one row each, so a list of them is one query. */
    private org.jooq.SelectOnConditionStep<org.jooq.Record> requestRows() {
        return db.select(SHARE_REQUEST.asterisk(), CATALOG_ENTRY.RESOURCE_CODE, CATALOG_ENTRY.NAME, CATALOG_ENTRY.DEPARTMENT_CODE,
                        GRANT_OF_REQUEST, PROVIDER_DEPARTMENT_NAME, CONSUMER_SYSTEM_NAME)
                .from(SHARE_REQUEST).join(CATALOG_ENTRY).on(CATALOG_ENTRY.ID.eq(SHARE_REQUEST.ENTRY_ID))
                .leftJoin(DEPARTMENT).on(DEPARTMENT.CODE.eq(CATALOG_ENTRY.DEPARTMENT_CODE))
                .leftJoin(CONSUMER_SYSTEM).on(CONSUMER_SYSTEM.ID.eq(SHARE_REQUEST.CONSUMER_SYSTEM_ID));
    }

    /**
     * How a list sorted by consuming system is ordered: by the name the console shows, in pinyin (the id for a system
     * without a row). Only for queries joined with consumer_system, as the row queries here and the call usage are.
     */
    public static org.jooq.Field<String> consumerName(org.jooq.Field<String> consumerSystemId) {
        return org.exchangehub.catalog.text.PinyinOrder.of(DSL.coalesce(CONSUMER_SYSTEM.NAME, consumerSystemId));
    }

    /** The names beside the codes, aliased: entry, department and consuming system all have a {@code name}. */
    private static final org.jooq.Field<String> PROVIDER_DEPARTMENT_NAME = DEPARTMENT.NAME.as("provider_department_name");
    private static final org.jooq.Field<String> CONSUMER_SYSTEM_NAME = CONSUMER_SYSTEM.NAME.as("consumer_system_name");
    private static final org.jooq.Field<String> ENTRY_NAME = CATALOG_ENTRY.NAME.as("entry_name");

    private ShareRequestView request(long id) {
        return requestRows().where(SHARE_REQUEST.ID.eq(id)).fetchOptional().map(this::requestView)
                .orElseThrow(() -> RegistryException.notFound("share request", String.valueOf(id)));
    }

    private ShareRequestView requestView(org.jooq.Record row) {
        ShareRequestRecord r = row.into(SHARE_REQUEST);
        return new ShareRequestView(r.getId(), row.get(CATALOG_ENTRY.RESOURCE_CODE), row.get(CATALOG_ENTRY.NAME),
                row.get(CATALOG_ENTRY.DEPARTMENT_CODE), row.get(PROVIDER_DEPARTMENT_NAME), r.getConsumerSystemId(),
                row.get(CONSUMER_SYSTEM_NAME), r.getPurpose(), r.getLegalBasis(),
                columns.read(r.getRequestedItems(), STRINGS), columns.read(r.getUnmaskedItems(), STRINGS), r.getExpectedDailyVolume(),
                RequestStatus.valueOf(r.getStatus()), r.getRequestedBy(), r.getRequestedAt(), r.getDecidedBy(), r.getDecidedAt(),
                r.getDecisionReason(), row.get(GRANT_OF_REQUEST));
    }

    /** Grants with their entry and names, one row each. */
    private org.jooq.SelectOnConditionStep<org.jooq.Record> grantRows() {
        return db.select(SHARE_GRANT.asterisk(), CATALOG_ENTRY.RESOURCE_CODE, ENTRY_NAME, CATALOG_ENTRY.DEPARTMENT_CODE,
                        PROVIDER_DEPARTMENT_NAME, CONSUMER_SYSTEM_NAME)
                .from(SHARE_GRANT).join(CATALOG_ENTRY).on(CATALOG_ENTRY.ID.eq(SHARE_GRANT.ENTRY_ID))
                .leftJoin(DEPARTMENT).on(DEPARTMENT.CODE.eq(CATALOG_ENTRY.DEPARTMENT_CODE))
                .leftJoin(CONSUMER_SYSTEM).on(CONSUMER_SYSTEM.ID.eq(SHARE_GRANT.CONSUMER_SYSTEM_ID));
    }

    private GrantView grantView(long id) {
        return grantRows().where(SHARE_GRANT.ID.eq(id)).fetchOptional().map(this::grantView)
                .orElseThrow(() -> RegistryException.notFound("grant", String.valueOf(id)));
    }

    private GrantView grantView(org.jooq.Record row) {
        ShareGrantRecord g = row.into(SHARE_GRANT);
        return new GrantView(g.getId(), g.getShareRequestId(), row.get(CATALOG_ENTRY.RESOURCE_CODE), row.get(ENTRY_NAME),
                row.get(CATALOG_ENTRY.DEPARTMENT_CODE), row.get(PROVIDER_DEPARTMENT_NAME), g.getConsumerSystemId(),
                row.get(CONSUMER_SYSTEM_NAME), columns.read(g.getGrantedItems(), STRINGS), columns.read(g.getUnmaskedItems(), STRINGS),
                g.getValidFrom(), g.getValidUntil(), g.getCallsPerDay(), g.getCallsPerSecond(), GrantStatus.valueOf(g.getStatus()), g.getGrantedBy(),
                g.getGrantedAt(), g.getRevokedBy(), g.getRevokedAt(), g.getRevokeReason());
    }

    /** Requested items by name or machine code, normalised to names; each must be a data item of the entry. */
    private static List<String> itemNames(List<FieldProblem> p, String field, List<String> wanted, EntryContent content, boolean required) {
        if (wanted == null || wanted.isEmpty()) {
            if (required) {
                p.add(new FieldProblem(field, "required: the data items wanted, from " + content.dataItems().stream().map(DataItem::name).toList()));
            }
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < wanted.size(); i++) {
            String w = wanted.get(i) == null ? "" : wanted.get(i).strip();
            Optional<DataItem> item = content.dataItems().stream().filter(d -> d.name().equals(w) || w.equals(d.code())).findFirst();
            if (item.isEmpty()) {
                p.add(new FieldProblem(field + "[" + i + "]", "'" + w + "' is not a data item of this entry; expected one of "
                        + content.dataItems().stream().map(DataItem::name).toList()));
            } else {
                names.add(item.get().name());
            }
        }
        return List.copyOf(names);
    }

    private static boolean sensitive(EntryContent content, String name) {
        return content.dataItems().stream().anyMatch(d -> d.name().equals(name) && d.sensitive());
    }

    private void history(long requestId, Long grantId, String action, String actor, String reason, Map<String, Object> details) {
        db.insertInto(SHARE_HISTORY)
                .set(SHARE_HISTORY.SHARE_REQUEST_ID, requestId)
                .set(SHARE_HISTORY.SHARE_GRANT_ID, grantId)
                .set(SHARE_HISTORY.ACTION, action)
                .set(SHARE_HISTORY.ACTOR, actor)
                .set(SHARE_HISTORY.REASON, reason)
                .set(SHARE_HISTORY.DETAILS, details == null ? null : columns.write(details))
                .execute();
    }

    private void event(CatalogEventType type, EntryRef ref, String actor, Map<String, Object> details) {
        events.record(type, ref.resourceCode(), ref.id(), ref.departmentCode(), null, ref.status().name(), actor, details);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

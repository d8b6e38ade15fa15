package org.exchangehub.catalog.entry;

import static org.exchangehub.catalog.jooq.Tables.CATALOG_ENTRY;
import static org.exchangehub.catalog.jooq.Tables.CATALOG_ENTRY_HISTORY;
import static org.exchangehub.catalog.jooq.Tables.CATALOG_ENTRY_VERSION;
import static org.exchangehub.catalog.jooq.Tables.DEPARTMENT;
import static org.exchangehub.catalog.jooq.Tables.ENTRY_ITEM_LINK;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.exchangehub.catalog.Actor;
import org.exchangehub.catalog.BureauCalendar;
import org.exchangehub.catalog.JsonColumns;
import org.exchangehub.catalog.ErrorCode;
import org.exchangehub.catalog.FieldProblem;
import org.exchangehub.catalog.PageResult;
import org.exchangehub.catalog.RegistryException;
import org.exchangehub.catalog.Role;
import org.exchangehub.catalog.entry.EntryViews.CatalogEntryView;
import org.exchangehub.catalog.entry.EntryViews.HistoryRecord;
import org.exchangehub.catalog.entry.EntryViews.ReviewItem;
import org.exchangehub.catalog.event.CatalogEventOutbox;
import org.exchangehub.catalog.event.CatalogEventType;
import org.exchangehub.catalog.item.ServiceItemService;
import org.exchangehub.catalog.jooq.tables.records.CatalogEntryRecord;
import org.exchangehub.catalog.jooq.tables.records.CatalogEntryVersionRecord;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lifecycle of catalogue entries: DRAFT → SUBMITTED → PUBLISHED (or REJECTED with a reason, edited back to
 * DRAFT) → RETIRED. A change to a published entry is a new version under review while the published one stays
 * visible. Every step is kept in the history and announced as a catalogue event.
 */
@Service
public class EntryService {

    private final DSLContext db;
    private final EntryRecords records;
    private final ResourceCodeAllocator codes;
    private final CatalogEventOutbox events;
    private final EntryValidator validator;
    private final ApplicationEventPublisher domainEvents;
    private final JsonColumns columns;

    public EntryService(DSLContext db, EntryRecords records, ResourceCodeAllocator codes, CatalogEventOutbox events,
                        ServiceItemService items, ApplicationEventPublisher domainEvents, JsonColumns columns) {
        this.db = db;
        this.columns = columns;
        this.domainEvents = domainEvents;
        this.records = records;
        this.codes = codes;
        this.events = events;
        this.validator = new EntryValidator(new EntryValidator.References() {
            @Override
            public boolean departmentExists(String departmentCode) {
                return db.fetchExists(DEPARTMENT, DEPARTMENT.CODE.eq(departmentCode));
            }

            @Override
            public Set<String> knownItemCodes(Collection<String> itemCodes) {
                return items.known(itemCodes);
            }

            @Override
            public Set<String> knownResourceCodes(Collection<String> resourceCodes) {
                return knownResources(resourceCodes);
            }
        });
    }


    public Set<String> knownResources(Collection<String> resourceCodes) {
        if (resourceCodes.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(db.select(CATALOG_ENTRY.RESOURCE_CODE).from(CATALOG_ENTRY)
                .where(CATALOG_ENTRY.RESOURCE_CODE.in(resourceCodes)).fetch(CATALOG_ENTRY.RESOURCE_CODE));
    }

    /** The department an actor catalogues for with this draft; editors default to their own. */
    private String departmentFor(Actor actor, EntryDraft draft) {
        String department = blank(draft.departmentCode()) ? actor.departmentCode() : draft.departmentCode().strip();
        if (department != null && !actor.mayEditFor(department)) {
            throw RegistryException.forbidden(actor.has(Role.DEPT_EDITOR)
                    ? "An editor of department " + actor.departmentCode() + " may catalogue only for that department, not " + department
                    : "Only department editors and admins may catalogue entries");
        }
        return department;
    }

    @Transactional
    public CatalogEntryView create(Actor actor, EntryDraft draft) {
        String department = departmentFor(actor, draft);
        EntryContent content = validOrThrow(draft.withDepartmentCode(department));
        String resourceCode = codes.next(content.classificationCode());
        insertNew(actor, department, content, resourceCode);
        return view(actor, resourceCode);
    }

    /** Inserts a new DRAFT entry with an already validated content and reserved resource code. */
    private long insertNew(Actor actor, String department, EntryContent content, String resourceCode) {
        CatalogEntryRecord e = db.newRecord(CATALOG_ENTRY);
        e.setResourceCode(resourceCode);
        e.setDepartmentCode(department);
        e.setStatus(EntryStatus.DRAFT.name());
        e.setWorkingVersion(1);
        e.setLatestVersion(1);
        e.setLockVersion(0);
        EntryRecords.showOnEntry(e, content);
        e.store();
        CatalogEntryVersionRecord v = db.newRecord(CATALOG_ENTRY_VERSION);
        v.setEntryId(e.getId());
        v.setVersionNo(1);
        v.setStatus(EntryStatus.DRAFT.name());
        v.setCreatedBy(actor.username());
        records.writeContent(v, content);
        v.store();
        history(e, 1, "CREATED", null, EntryStatus.DRAFT, actor, null, null);
        event(CatalogEventType.ENTRY_CREATED, e, 1, EntryStatus.DRAFT, actor, Map.of("name", content.name()));
        return e.getId();
    }

    /** A validated entry to insert, with its reserved resource code. */
    public record NewEntry(String departmentCode, EntryContent content, String resourceCode) {
    }

    /**
     * Inserts many new DRAFT entries with few statements (multi-row inserts in chunks), for bulk import.
     * Same rows, history and events as {@link #create}.
     */
    @Transactional
    public void insertAll(Actor actor, List<NewEntry> batch) {
        for (int from = 0; from < batch.size(); from += 500) {
            List<NewEntry> chunk = batch.subList(from, Math.min(batch.size(), from + 500));
            var insert = db.insertInto(CATALOG_ENTRY, CATALOG_ENTRY.RESOURCE_CODE, CATALOG_ENTRY.DEPARTMENT_CODE,
                    CATALOG_ENTRY.CLASSIFICATION_CODE, CATALOG_ENTRY.NAME, CATALOG_ENTRY.SHARE_TYPE, CATALOG_ENTRY.STATUS,
                    CATALOG_ENTRY.WORKING_VERSION, CATALOG_ENTRY.LATEST_VERSION, CATALOG_ENTRY.SEARCH_NAME,
                    CATALOG_ENTRY.SEARCH_ABSTRACT, CATALOG_ENTRY.SEARCH_ITEMS);
            for (NewEntry n : chunk) {
                CatalogEntryRecord shown = db.newRecord(CATALOG_ENTRY);
                EntryRecords.showOnEntry(shown, n.content());
                insert = insert.values(n.resourceCode(), n.departmentCode(), shown.getClassificationCode(), shown.getName(),
                        shown.getShareType(), EntryStatus.DRAFT.name(), 1, 1, shown.getSearchName(), shown.getSearchAbstract(),
                        shown.getSearchItems());
            }
            Map<String, Long> ids = insert.returningResult(CATALOG_ENTRY.RESOURCE_CODE, CATALOG_ENTRY.ID)
                    .fetchMap(CATALOG_ENTRY.RESOURCE_CODE, CATALOG_ENTRY.ID);
            List<CatalogEntryVersionRecord> versions = new java.util.ArrayList<>(chunk.size());
            var history = db.insertInto(CATALOG_ENTRY_HISTORY, CATALOG_ENTRY_HISTORY.ENTRY_ID, CATALOG_ENTRY_HISTORY.VERSION_NO,
                    CATALOG_ENTRY_HISTORY.ACTION, CATALOG_ENTRY_HISTORY.TO_STATUS, CATALOG_ENTRY_HISTORY.ACTOR,
                    CATALOG_ENTRY_HISTORY.REASON);
            List<CatalogEventOutbox.Pending> pending = new java.util.ArrayList<>(chunk.size());
            for (NewEntry n : chunk) {
                long id = ids.get(n.resourceCode());
                CatalogEntryVersionRecord v = db.newRecord(CATALOG_ENTRY_VERSION);
                v.setEntryId(id);
                v.setVersionNo(1);
                v.setStatus(EntryStatus.DRAFT.name());
                v.setCreatedBy(actor.username());
                records.writeContent(v, n.content());
                versions.add(v);
                history = history.values(id, 1, "CREATED", EntryStatus.DRAFT.name(), actor.username(), "bulk import");
                pending.add(new CatalogEventOutbox.Pending(CatalogEventType.ENTRY_CREATED, n.resourceCode(), id,
                        n.departmentCode(), 1, EntryStatus.DRAFT.name(), actor.username(), Map.of("name", n.content().name())));
            }
            db.batchInsert(versions).execute();
            history.execute();
            events.recordAll(pending);
        }
    }

    /** Reserves resource codes for validated contents in bulk (one statement per classification prefix). */
    @Transactional
    public List<String> reserveCodes(String classificationCode, int count) {
        return codes.reserve(classificationCode, count);
    }

    @Transactional
    public CatalogEntryView update(Actor actor, String resourceCode, int expectedLockVersion, EntryDraft draft) {
        CatalogEntryRecord e = lockEntry(resourceCode);
        requireEditor(actor, e);
        if (!blank(draft.departmentCode()) && !draft.departmentCode().strip().equals(e.getDepartmentCode())) {
            throw RegistryException.invalid(List.of(new FieldProblem("departmentCode",
                    "an entry stays with its provider department " + e.getDepartmentCode() + "; catalogue a new entry instead")));
        }
        checkLock(e, expectedLockVersion);
        EntryContent content = validOrThrow(draft.withDepartmentCode(e.getDepartmentCode()));
        if (EntryStatus.valueOf(e.getStatus()) == EntryStatus.RETIRED) {
            throw new RegistryException(ErrorCode.INVALID_STATE, "Entry " + resourceCode + " is retired and cannot be edited");
        }
        CatalogEntryVersionRecord v;
        EntryContent before;
        EntryStatus from;
        if (e.getWorkingVersion() != null) {
            v = version(e, e.getWorkingVersion());
            from = EntryStatus.valueOf(v.getStatus());
            if (from == EntryStatus.SUBMITTED) {
                throw new RegistryException(ErrorCode.INVALID_STATE,
                        "Entry " + resourceCode + " version " + v.getVersionNo() + " is under review; wait for the reviewer's decision before editing");
            }
            before = records.readContent(v);
        } else {
            CatalogEntryVersionRecord published = version(e, e.getPublishedVersion());
            before = records.readContent(published);
            from = null;
            v = db.newRecord(CATALOG_ENTRY_VERSION);
            v.setEntryId(e.getId());
            v.setVersionNo(e.getLatestVersion() + 1);
            v.setCreatedBy(actor.username());
            e.setLatestVersion(v.getVersionNo());
            e.setWorkingVersion(v.getVersionNo());
        }
        v.setStatus(EntryStatus.DRAFT.name());
        v.setUpdatedAt(OffsetDateTime.now());
        records.writeContent(v, content);
        v.store();
        if (e.getPublishedVersion() == null) {
            e.setStatus(EntryStatus.DRAFT.name());
            EntryRecords.showOnEntry(e, content);
        }
        touch(e);
        history(e, v.getVersionNo(), from == null ? "REVISED" : "UPDATED", from, EntryStatus.DRAFT, actor, null,
                records.diff(before, content));
        event(CatalogEventType.ENTRY_UPDATED, e, v.getVersionNo(), EntryStatus.DRAFT, actor, Map.of());
        return view(actor, resourceCode);
    }

    @Transactional
    public CatalogEntryView submit(Actor actor, String resourceCode, Integer expectedLockVersion) {
        CatalogEntryRecord e = lockEntry(resourceCode);
        requireEditor(actor, e);
        checkLock(e, expectedLockVersion);
        CatalogEntryVersionRecord v = working(e, "submit");
        EntryStatus from = EntryStatus.valueOf(v.getStatus());
        if (from != EntryStatus.DRAFT) {
            throw new RegistryException(ErrorCode.INVALID_STATE, from == EntryStatus.REJECTED
                    ? "Entry " + resourceCode + " was rejected (" + v.getReviewReason() + "); edit it to address the reason, then submit"
                    : "Entry " + resourceCode + " version " + v.getVersionNo() + " is " + from + ", only a DRAFT can be submitted");
        }
        v.setStatus(EntryStatus.SUBMITTED.name());
        v.setSubmittedBy(actor.username());
        v.setSubmittedAt(OffsetDateTime.now());
        v.store();
        if (e.getPublishedVersion() == null) {
            e.setStatus(EntryStatus.SUBMITTED.name());
        }
        touch(e);
        history(e, v.getVersionNo(), "SUBMITTED", from, EntryStatus.SUBMITTED, actor, null, null);
        event(CatalogEventType.ENTRY_SUBMITTED, e, v.getVersionNo(), EntryStatus.SUBMITTED, actor, Map.of());
        return view(actor, resourceCode);
    }

    @Transactional
    public CatalogEntryView approve(Actor actor, String resourceCode, Integer expectedLockVersion) {
        requireReviewer(actor);
        CatalogEntryRecord e = lockEntry(resourceCode);
        checkLock(e, expectedLockVersion);
        CatalogEntryVersionRecord v = submitted(e);
        if (e.getPublishedVersion() != null) {
            CatalogEntryVersionRecord old = version(e, e.getPublishedVersion());
            old.setStatus(EntryStatus.SUPERSEDED.name());
            old.store();
        }
        v.setStatus(EntryStatus.PUBLISHED.name());
        v.setReviewedBy(actor.username());
        v.setReviewedAt(OffsetDateTime.now());
        v.setReviewReason(null);
        v.setPublishDate(BureauCalendar.today());
        v.store();
        EntryContent content = records.readContent(v);
        e.setPublishedVersion(v.getVersionNo());
        e.setWorkingVersion(null);
        e.setStatus(EntryStatus.PUBLISHED.name());
        EntryRecords.showOnEntry(e, content);
        touch(e);
        db.deleteFrom(ENTRY_ITEM_LINK).where(ENTRY_ITEM_LINK.ENTRY_ID.eq(e.getId())).execute();
        for (String itemCode : content.relatedItemCodes()) {
            db.insertInto(ENTRY_ITEM_LINK).set(ENTRY_ITEM_LINK.ENTRY_ID, e.getId()).set(ENTRY_ITEM_LINK.ITEM_CODE, itemCode).execute();
        }
        history(e, v.getVersionNo(), "PUBLISHED", EntryStatus.SUBMITTED, EntryStatus.PUBLISHED, actor, null, null);
        domainEvents.publishEvent(new EntryPublished(e.getId(), e.getResourceCode(), content.shareType(), actor.username()));
        event(CatalogEventType.ENTRY_PUBLISHED, e, v.getVersionNo(), EntryStatus.PUBLISHED, actor,
                Map.of("relatedItemCodes", content.relatedItemCodes()));
        return view(actor, resourceCode);
    }

    @Transactional
    public CatalogEntryView reject(Actor actor, String resourceCode, Integer expectedLockVersion, String reason) {
        requireReviewer(actor);
        if (blank(reason)) {
            throw RegistryException.invalid(List.of(new FieldProblem("reason", "required: tell the department what to fix")));
        }
        CatalogEntryRecord e = lockEntry(resourceCode);
        checkLock(e, expectedLockVersion);
        CatalogEntryVersionRecord v = submitted(e);
        v.setStatus(EntryStatus.REJECTED.name());
        v.setReviewedBy(actor.username());
        v.setReviewedAt(OffsetDateTime.now());
        v.setReviewReason(reason.strip());
        v.store();
        if (e.getPublishedVersion() == null) {
            e.setStatus(EntryStatus.REJECTED.name());
        }
        touch(e);
        history(e, v.getVersionNo(), "REJECTED", EntryStatus.SUBMITTED, EntryStatus.REJECTED, actor, reason.strip(), null);
        event(CatalogEventType.ENTRY_REJECTED, e, v.getVersionNo(), EntryStatus.REJECTED, actor, Map.of("reason", reason.strip()));
        return view(actor, resourceCode);
    }

    @Transactional
    public CatalogEntryView retire(Actor actor, String resourceCode, Integer expectedLockVersion, String reason) {
        CatalogEntryRecord e = lockEntry(resourceCode);
        requireEditor(actor, e);
        checkLock(e, expectedLockVersion);
        EntryStatus from = EntryStatus.valueOf(e.getStatus());
        if (from == EntryStatus.RETIRED) {
            throw new RegistryException(ErrorCode.INVALID_STATE, "Entry " + resourceCode + " is already retired");
        }
        db.update(CATALOG_ENTRY_VERSION)
                .set(CATALOG_ENTRY_VERSION.STATUS, EntryStatus.RETIRED.name())
                .set(CATALOG_ENTRY_VERSION.UPDATED_AT, OffsetDateTime.now())
                .where(CATALOG_ENTRY_VERSION.ENTRY_ID.eq(e.getId()))
                .and(CATALOG_ENTRY_VERSION.STATUS.in(EntryStatus.PUBLISHED.name(), EntryStatus.DRAFT.name(),
                        EntryStatus.SUBMITTED.name(), EntryStatus.REJECTED.name()))
                .execute();
        int version = e.getPublishedVersion() != null ? e.getPublishedVersion() : e.getLatestVersion();
        e.setWorkingVersion(null);
        e.setStatus(EntryStatus.RETIRED.name());
        touch(e);
        db.deleteFrom(ENTRY_ITEM_LINK).where(ENTRY_ITEM_LINK.ENTRY_ID.eq(e.getId())).execute();
        String why = blank(reason) ? null : reason.strip();
        history(e, version, "RETIRED", from, EntryStatus.RETIRED, actor, why, null);
        domainEvents.publishEvent(new EntryRetired(e.getId(), e.getResourceCode(), actor.username(), why));
        event(CatalogEventType.ENTRY_RETIRED, e, version, EntryStatus.RETIRED, actor, why == null ? Map.of() : Map.of("reason", why));
        return view(actor, resourceCode);
    }

    /** The entry as this actor may see it: consumers and other departments see published entries only. */
    @Transactional(readOnly = true)
    public CatalogEntryView view(Actor actor, String resourceCode) {
        CatalogEntryRecord e = entry(resourceCode);
        boolean insider = actor.maySeeUnpublishedOf(e.getDepartmentCode());
        EntryViews.VersionView published = e.getPublishedVersion() == null ? null : records.view(version(e, e.getPublishedVersion()));
        if (!insider && (published == null || EntryStatus.valueOf(e.getStatus()) != EntryStatus.PUBLISHED)) {
            throw RegistryException.notFound("published catalogue entry", resourceCode);
        }
        EntryViews.VersionView pending = insider && e.getWorkingVersion() != null ? records.view(version(e, e.getWorkingVersion())) : null;
        return new CatalogEntryView(e.getResourceCode(), e.getDepartmentCode(), EntryStatus.valueOf(e.getStatus()),
                e.getLockVersion(), published, pending);
    }

    @Transactional(readOnly = true)
    public List<HistoryRecord> history(Actor actor, String resourceCode) {
        CatalogEntryRecord e = entry(resourceCode);
        if (!actor.maySeeUnpublishedOf(e.getDepartmentCode())) {
            throw RegistryException.forbidden("The history of " + resourceCode + " is visible to its department, reviewers and admins");
        }
        return db.selectFrom(CATALOG_ENTRY_HISTORY).where(CATALOG_ENTRY_HISTORY.ENTRY_ID.eq(e.getId()))
                .orderBy(CATALOG_ENTRY_HISTORY.ID)
                .fetch(h -> new HistoryRecord(h.getVersionNo(), h.getAction(),
                        h.getFromStatus() == null ? null : EntryStatus.valueOf(h.getFromStatus()),
                        h.getToStatus() == null ? null : EntryStatus.valueOf(h.getToStatus()),
                        h.getActor(), h.getOccurredAt(), h.getReason(), columns.map(h.getChanges())));
    }

    /** Versions waiting for review, oldest first. */
    @Transactional(readOnly = true)
    public PageResult<ReviewItem> reviewQueue(Actor actor, int page, int size) {
        return reviewQueue(actor, page, size, "submitted", true);
    }

    /** The columns the review queue can be sorted by. */
    public static final List<String> REVIEW_SORTS = List.of("submitted", "name", "resourceCode", "department");

    /**
     * Versions waiting for review in the order of one of {@link #REVIEW_SORTS} (an unknown one is refused), then
     * oldest first.
     */
    @Transactional(readOnly = true)
    public PageResult<ReviewItem> reviewQueue(Actor actor, int page, int size, String sort, boolean ascending) {
        requireReviewer(actor);
        org.jooq.Field<?> column = switch (sort == null ? "submitted" : sort) {
            case "submitted" -> CATALOG_ENTRY_VERSION.SUBMITTED_AT;
            case "name" -> org.exchangehub.catalog.text.PinyinOrder.of(CATALOG_ENTRY_VERSION.NAME);
            case "resourceCode" -> CATALOG_ENTRY.RESOURCE_CODE;
            case "department" -> CATALOG_ENTRY.DEPARTMENT_CODE;
            default -> throw RegistryException.invalid(List.of(new FieldProblem("sort",
                    "expected one of " + REVIEW_SORTS + ", got '" + sort + "'")));
        };
        var condition = CATALOG_ENTRY_VERSION.STATUS.eq(EntryStatus.SUBMITTED.name());
        long total = db.fetchCount(CATALOG_ENTRY_VERSION, condition);
        List<ReviewItem> items = db.select(CATALOG_ENTRY.RESOURCE_CODE, CATALOG_ENTRY.DEPARTMENT_CODE, CATALOG_ENTRY.PUBLISHED_VERSION,
                        CATALOG_ENTRY_VERSION.VERSION_NO, CATALOG_ENTRY_VERSION.NAME, CATALOG_ENTRY_VERSION.SUBMITTED_BY,
                        CATALOG_ENTRY_VERSION.SUBMITTED_AT)
                .from(CATALOG_ENTRY_VERSION).join(CATALOG_ENTRY).on(CATALOG_ENTRY.ID.eq(CATALOG_ENTRY_VERSION.ENTRY_ID))
                .where(condition)
                .orderBy(ascending ? column.asc() : column.desc(), CATALOG_ENTRY_VERSION.SUBMITTED_AT, CATALOG_ENTRY.ID)
                .limit(size).offset((long) page * size)
                .fetch(r -> new ReviewItem(r.get(CATALOG_ENTRY.RESOURCE_CODE), r.get(CATALOG_ENTRY.DEPARTMENT_CODE),
                        r.get(CATALOG_ENTRY_VERSION.VERSION_NO), r.get(CATALOG_ENTRY_VERSION.NAME),
                        r.get(CATALOG_ENTRY.PUBLISHED_VERSION) != null, r.get(CATALOG_ENTRY_VERSION.SUBMITTED_BY),
                        r.get(CATALOG_ENTRY_VERSION.SUBMITTED_AT)));
        return new PageResult<>(items, page, size, total);
    }

    /** The entry's id, department and status, for modules that hang things under an entry (mounts, grants). */
    public record EntryRef(long id, String resourceCode, String departmentCode, EntryStatus status) {
    }

    /** One read of the entry row: cheap enough for every shared call. */
    @Transactional(readOnly = true)
    public EntryRef ref(String resourceCode) {
        CatalogEntryRecord e = entry(resourceCode);
        return new EntryRef(e.getId(), e.getResourceCode(), e.getDepartmentCode(), EntryStatus.valueOf(e.getStatus()));
    }

    /** The data items of the published version; empty when the entry has none published. */
    @Transactional(readOnly = true)
    public List<DataItem> publishedDataItems(String resourceCode) {
        CatalogEntryRecord e = entry(resourceCode);
        return e.getPublishedVersion() == null ? List.of()
                : List.copyOf(records.readContent(version(e, e.getPublishedVersion())).dataItems());
    }

    /** Names and codes of the data items of the shown version and of the version being drafted, if any. */
    @Transactional(readOnly = true)
    public Set<String> dataItemNames(String resourceCode) {
        CatalogEntryRecord e = entry(resourceCode);
        int shown = e.getPublishedVersion() != null ? e.getPublishedVersion() : e.getLatestVersion();
        int newest = e.getWorkingVersion() != null ? e.getWorkingVersion() : shown;
        Set<String> names = new java.util.LinkedHashSet<>();
        for (int n : new java.util.TreeSet<>(List.of(shown, newest))) {
            records.readContent(version(e, n)).dataItems().forEach(i -> {
                names.add(i.name());
                if (i.code() != null) {
                    names.add(i.code());
                }
            });
        }
        return names;
    }

    private EntryContent validOrThrow(EntryDraft draft) {
        EntryValidator.Result result = validator.validate(draft);
        if (!result.valid()) {
            throw RegistryException.invalid(result.problems());
        }
        return result.content().orElseThrow();
    }

    private CatalogEntryRecord entry(String resourceCode) {
        return db.selectFrom(CATALOG_ENTRY).where(CATALOG_ENTRY.RESOURCE_CODE.eq(resourceCode)).fetchOptional()
                .orElseThrow(() -> RegistryException.notFound("catalogue entry", resourceCode));
    }

    /** Reads the entry row locked, so concurrent lifecycle steps on one entry run one after the other. */
    private CatalogEntryRecord lockEntry(String resourceCode) {
        return db.selectFrom(CATALOG_ENTRY).where(CATALOG_ENTRY.RESOURCE_CODE.eq(resourceCode)).forUpdate().fetchOptional()
                .orElseThrow(() -> RegistryException.notFound("catalogue entry", resourceCode));
    }

    private CatalogEntryVersionRecord version(CatalogEntryRecord e, int versionNo) {
        return db.selectFrom(CATALOG_ENTRY_VERSION)
                .where(CATALOG_ENTRY_VERSION.ENTRY_ID.eq(e.getId()), CATALOG_ENTRY_VERSION.VERSION_NO.eq(versionNo))
                .fetchSingle();
    }

    private CatalogEntryVersionRecord working(CatalogEntryRecord e, String action) {
        if (e.getWorkingVersion() == null) {
            throw new RegistryException(ErrorCode.INVALID_STATE, "Entry " + e.getResourceCode() + " has no draft to " + action
                    + " (status " + e.getStatus() + "); edit it to start a new version");
        }
        return version(e, e.getWorkingVersion());
    }

    private CatalogEntryVersionRecord submitted(CatalogEntryRecord e) {
        CatalogEntryVersionRecord v = working(e, "review");
        if (EntryStatus.valueOf(v.getStatus()) != EntryStatus.SUBMITTED) {
            throw new RegistryException(ErrorCode.INVALID_STATE, "Entry " + e.getResourceCode() + " version " + v.getVersionNo()
                    + " is " + v.getStatus() + "; only a SUBMITTED version can be reviewed");
        }
        return v;
    }

    private void checkLock(CatalogEntryRecord e, Integer expected) {
        if (expected != null && expected.intValue() != e.getLockVersion().intValue()) {
            throw new RegistryException(ErrorCode.CONCURRENT_MODIFICATION, "Entry " + e.getResourceCode()
                    + " was changed by someone else (you had lock version " + expected + ", it is now " + e.getLockVersion()
                    + "); reload it and apply your change again");
        }
    }

    private static void requireEditor(Actor actor, CatalogEntryRecord e) {
        if (!actor.mayEditFor(e.getDepartmentCode())) {
            throw RegistryException.forbidden("Entry " + e.getResourceCode() + " belongs to department " + e.getDepartmentCode()
                    + (actor.departmentCode() == null ? "" : "; you edit for " + actor.departmentCode()));
        }
    }

    private static void requireReviewer(Actor actor) {
        if (!actor.has(Role.REVIEWER) && !actor.isAdmin()) {
            throw RegistryException.forbidden("Only reviewers of the data bureau review catalogue entries");
        }
    }

    private void touch(CatalogEntryRecord e) {
        e.setLockVersion(e.getLockVersion() + 1);
        e.setUpdatedAt(OffsetDateTime.now());
        e.store();
    }

    private void history(CatalogEntryRecord e, int version, String action, EntryStatus from, EntryStatus to, Actor actor,
                         String reason, Map<String, Object> changes) {
        db.insertInto(CATALOG_ENTRY_HISTORY)
                .set(CATALOG_ENTRY_HISTORY.ENTRY_ID, e.getId())
                .set(CATALOG_ENTRY_HISTORY.VERSION_NO, version)
                .set(CATALOG_ENTRY_HISTORY.ACTION, action)
                .set(CATALOG_ENTRY_HISTORY.FROM_STATUS, from == null ? null : from.name())
                .set(CATALOG_ENTRY_HISTORY.TO_STATUS, to == null ? null : to.name())
                .set(CATALOG_ENTRY_HISTORY.ACTOR, actor.username())
                .set(CATALOG_ENTRY_HISTORY.REASON, reason)
                .set(CATALOG_ENTRY_HISTORY.CHANGES, columns.write(changes))
                .execute();
    }

    private void event(CatalogEventType type, CatalogEntryRecord e, int version, EntryStatus status, Actor actor,
                       Map<String, Object> details) {
        events.record(type, e.getResourceCode(), e.getId(), e.getDepartmentCode(), version, status.name(), actor.username(), details);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

package org.exchangehub.catalog.mount;

import static org.exchangehub.catalog.jooq.Tables.CATALOG_ENTRY;
import static org.exchangehub.catalog.jooq.Tables.MOUNTED_RESOURCE;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.exchangehub.catalog.Actor;
import org.exchangehub.catalog.ErrorCode;
import org.exchangehub.catalog.FieldProblem;
import org.exchangehub.catalog.JsonColumns;
import org.exchangehub.catalog.RegistryException;
import org.exchangehub.catalog.entry.EntryService;
import org.exchangehub.catalog.entry.EntryService.EntryRef;
import org.exchangehub.catalog.entry.EntryStatus;
import org.exchangehub.catalog.event.CatalogEventOutbox;
import org.exchangehub.catalog.event.CatalogEventType;
import org.exchangehub.catalog.jooq.tables.records.MountedResourceRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Mounting concrete resources under catalogue entries (挂接, "应挂尽挂") and keeping their health. */
@Service
public class MountService {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\-]{0,99}");
    private static final Pattern SCHEMA_TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_]*");
    private static final TypeReference<LinkedHashMap<String, String>> COLUMN_MAPPING = new TypeReference<>() { };
    private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final DSLContext db;
    private final EntryService entries;
    private final CatalogEventOutbox events;
    private final JsonColumns columns;

    public MountService(DSLContext db, EntryService entries, CatalogEventOutbox events, JsonColumns columns) {
        this.db = db;
        this.entries = entries;
        this.events = events;
        this.columns = columns;
    }

    @Transactional
    public MountedResource mount(Actor actor, String resourceCode, MountRequest request) {
        EntryRef entry = entries.ref(resourceCode);
        if (!actor.mayEditFor(entry.departmentCode())) {
            throw RegistryException.forbidden("Entry " + resourceCode + " belongs to department " + entry.departmentCode()
                    + "; only its editors and admins mount resources under it");
        }
        if (entry.status() == EntryStatus.RETIRED) {
            throw new RegistryException(ErrorCode.INVALID_STATE, "Entry " + resourceCode + " is retired; nothing can be mounted under it");
        }
        MountKind kind = validate(request, entry);
        refuseHiddenOperation(entry, kind, request);
        MountedResourceRecord r = db.newRecord(MOUNTED_RESOURCE);
        r.setEntryId(entry.id());
        r.setKind(kind.name());
        r.setCreatedBy(actor.username());
        switch (kind) {
            case API -> {
                r.setConnectorId(request.connectorId().strip());
                r.setOperation(request.operation().strip());
            }
            case TABLE -> {
                r.setDatasourceId(request.datasourceId().strip());
                r.setTableName(request.tableName().strip());
                r.setColumnMapping(columns.write(new LinkedHashMap<>(request.columnMapping())));
            }
            case FILE -> {
                r.setLocation(request.location().strip());
                r.setFilePattern(request.filePattern().strip());
            }
        }
        r.store();
        r.refresh();
        events.record(CatalogEventType.RESOURCE_MOUNTED, resourceCode, entry.id(), entry.departmentCode(), null,
                entry.status().name(), actor.username(), Map.of("mountId", r.getId(), "kind", kind.name()));
        return toView(r, resourceCode);
    }

    @Transactional
    public void unmount(Actor actor, String resourceCode, long mountId) {
        EntryRef entry = entries.ref(resourceCode);
        if (!actor.mayEditFor(entry.departmentCode())) {
            throw RegistryException.forbidden("Entry " + resourceCode + " belongs to department " + entry.departmentCode());
        }
        int deleted = db.deleteFrom(MOUNTED_RESOURCE)
                .where(MOUNTED_RESOURCE.ID.eq(mountId), MOUNTED_RESOURCE.ENTRY_ID.eq(entry.id())).execute();
        if (deleted == 0) {
            throw RegistryException.notFound("mounted resource under " + resourceCode, String.valueOf(mountId));
        }
        events.record(CatalogEventType.RESOURCE_UNMOUNTED, resourceCode, entry.id(), entry.departmentCode(), null,
                entry.status().name(), actor.username(), Map.of("mountId", mountId));
    }

    /** Mounts under an entry: their connection details are for the department, reviewers and admins only. */
    @Transactional(readOnly = true)
    public List<MountedResource> list(Actor actor, String resourceCode) {
        EntryRef entry = entries.ref(resourceCode);
        if (!actor.maySeeUnpublishedOf(entry.departmentCode())) {
            throw RegistryException.forbidden("Mounts of " + resourceCode + " are visible to its department, reviewers and admins");
        }
        return db.selectFrom(MOUNTED_RESOURCE).where(MOUNTED_RESOURCE.ENTRY_ID.eq(entry.id())).orderBy(MOUNTED_RESOURCE.ID)
                .fetch(r -> toView(r, resourceCode));
    }

    /**
     * Every resource mounted under an entry that the gateway can call (API and TABLE), oldest first: the gateway's
     * routing table for that entry.
     */
    @Transactional(readOnly = true)
    public List<MountedResource> callableMounts(String resourceCode) {
        EntryRef entry = entries.ref(resourceCode);
        return db.selectFrom(MOUNTED_RESOURCE)
                .where(MOUNTED_RESOURCE.ENTRY_ID.eq(entry.id()),
                        MOUNTED_RESOURCE.KIND.in(MountKind.API.name(), MountKind.TABLE.name()))
                .orderBy(MOUNTED_RESOURCE.ID)
                .fetch(r -> toView(r, resourceCode));
    }

    /** Records a health probe's result; an event is raised only when the health changes. */
    @Transactional
    public void reportHealth(long mountId, MountHealth health, String detail) {
        MountedResourceRecord r = db.selectFrom(MOUNTED_RESOURCE).where(MOUNTED_RESOURCE.ID.eq(mountId)).forUpdate().fetchOptional()
                .orElseThrow(() -> RegistryException.notFound("mounted resource", String.valueOf(mountId)));
        MountHealth before = MountHealth.valueOf(r.getHealth());
        r.setHealth(health.name());
        r.setHealthDetail(detail);
        r.setHealthCheckedAt(OffsetDateTime.now());
        r.store();
        if (before != health) {
            events.record(CatalogEventType.MOUNT_HEALTH_CHANGED, null, r.getEntryId(), null, null, null, "health-probe",
                    Map.of("mountId", mountId, "from", before.name(), "to", health.name()));
        }
    }

    /** The API mounts, under any entry, that a connector serves: whose health its probe reports. */
    @Transactional(readOnly = true)
    public List<MountedResource> apiMountsOf(String connectorId) {
        return db.select(MOUNTED_RESOURCE.asterisk(), CATALOG_ENTRY.RESOURCE_CODE)
                .from(MOUNTED_RESOURCE).join(CATALOG_ENTRY).on(CATALOG_ENTRY.ID.eq(MOUNTED_RESOURCE.ENTRY_ID))
                .where(MOUNTED_RESOURCE.KIND.eq(MountKind.API.name()), MOUNTED_RESOURCE.CONNECTOR_ID.eq(connectorId))
                .orderBy(MOUNTED_RESOURCE.ID)
                .fetch(r -> toView(r.into(MOUNTED_RESOURCE), r.get(CATALOG_ENTRY.RESOURCE_CODE)));
    }

    /**
     * Consumers call an entry's API mounts by operation and its TABLE mount as operation {@value MountKind#TABLE_LOOKUP}:
     * two callable mounts answering the same operation would hide one of them, so the second is refused.
     */
    private void refuseHiddenOperation(EntryRef entry, MountKind kind, MountRequest request) {
        if (kind == MountKind.FILE) {
            return;
        }
        String operation = kind == MountKind.TABLE ? MountKind.TABLE_LOOKUP : request.operation().strip();
        for (MountedResource existing : callableMounts(entry.resourceCode())) {
            String taken = existing.kind() == MountKind.TABLE ? MountKind.TABLE_LOOKUP : existing.operation();
            if (operation.equals(taken)) {
                String field = kind == MountKind.TABLE ? "kind" : "operation";
                throw new RegistryException(ErrorCode.DUPLICATE, "Entry " + entry.resourceCode() + " already answers operation '"
                        + operation + "' with mount " + existing.id() + " (" + existing.kind() + ")",
                        List.of(new FieldProblem(field, kind == MountKind.TABLE
                                ? "a TABLE mount answers operation '" + MountKind.TABLE_LOOKUP + "', which mount " + existing.id()
                                + " already answers: unmount it first"
                                : "an operation other than '" + operation + "', which mount " + existing.id()
                                + " already answers (unmount it first to replace it)")));
            }
        }
    }

    private MountKind validate(MountRequest q, EntryRef entry) {
        List<FieldProblem> p = new ArrayList<>();
        MountKind kind = null;
        if (q.kind() == null || q.kind().isBlank()) {
            p.add(new FieldProblem("kind", "required: one of " + Arrays.toString(MountKind.values())));
        } else {
            try {
                kind = MountKind.valueOf(q.kind().strip().toUpperCase());
            } catch (IllegalArgumentException e) {
                p.add(new FieldProblem("kind", "expected one of " + Arrays.toString(MountKind.values()) + ", got '" + q.kind() + "'"));
            }
        }
        if (kind == MountKind.API) {
            identifier(p, "connectorId", q.connectorId(), "the connector that reaches the provider system");
            identifier(p, "operation", q.operation(), "the connector's operation to call");
        } else if (kind == MountKind.TABLE) {
            identifier(p, "datasourceId", q.datasourceId(), "the configured datasource holding the table");
            if (q.tableName() == null || !SCHEMA_TABLE.matcher(q.tableName().strip()).matches()) {
                p.add(new FieldProblem("tableName", "expected schema.table, got '" + q.tableName() + "'"));
            }
            java.util.Set<String> itemNames = entries.dataItemNames(entry.resourceCode());
            if (q.columnMapping() == null || q.columnMapping().isEmpty()) {
                p.add(new FieldProblem("columnMapping", "required: at least one column → data item pair"));
            } else {
                q.columnMapping().forEach((column, item) -> {
                    if (!COLUMN.matcher(column).matches()) {
                        p.add(new FieldProblem("columnMapping." + column, "expected a column name of letters, digits and _"));
                    }
                    if (item == null || !itemNames.contains(item)) {
                        p.add(new FieldProblem("columnMapping." + column, "'" + item + "' is not a data item of " + entry.resourceCode()
                                + "; expected one of " + itemNames));
                    }
                });
            }
        } else if (kind == MountKind.FILE) {
            if (q.location() == null || q.location().isBlank()) {
                p.add(new FieldProblem("location", "required: where the files are (a directory, share or URL)"));
            } else if (q.location().length() > 500) {
                p.add(new FieldProblem("location", "at most 500 characters"));
            }
            if (q.filePattern() == null || q.filePattern().isBlank()) {
                p.add(new FieldProblem("filePattern", "required: a glob such as *.csv"));
            }
        }
        if (!p.isEmpty()) {
            throw RegistryException.invalid(p);
        }
        return kind;
    }

    private static void identifier(List<FieldProblem> p, String field, String value, String what) {
        if (value == null || value.isBlank()) {
            p.add(new FieldProblem(field, "required: " + what));
        } else if (!IDENTIFIER.matcher(value.strip()).matches()) {
            p.add(new FieldProblem(field, "expected a letter then letters, digits, '_', '.' or '-' (at most 100), got '" + value + "'"));
        }
    }

    private MountedResource toView(MountedResourceRecord r, String resourceCode) {
        return new MountedResource(r.getId(), resourceCode, MountKind.valueOf(r.getKind()), r.getConnectorId(), r.getOperation(),
                r.getDatasourceId(), r.getTableName(), columns.read(r.getColumnMapping(), COLUMN_MAPPING),
                r.getLocation(), r.getFilePattern(), MountHealth.valueOf(r.getHealth()), r.getHealthDetail(),
                r.getHealthCheckedAt(), r.getCreatedBy(), r.getCreatedAt());
    }

}

package org.exchangehub.hub.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.exchangehub.catalog.Actor;
import org.exchangehub.catalog.FieldProblem;
import org.exchangehub.catalog.ImportReport;
import org.exchangehub.catalog.PageResult;
import org.exchangehub.catalog.RegistryException;
import org.exchangehub.catalog.entry.EntryDraft;
import org.exchangehub.catalog.entry.EntryService;
import org.exchangehub.catalog.entry.EntryViews.CatalogEntryView;
import org.exchangehub.catalog.entry.EntryViews.HistoryRecord;
import org.exchangehub.catalog.entry.EntryViews.ReviewItem;
import org.exchangehub.catalog.importing.EntryImportService;
import org.exchangehub.catalog.mount.MountRequest;
import org.exchangehub.catalog.mount.MountService;
import org.exchangehub.catalog.mount.MountedResource;
import org.exchangehub.catalog.search.EntrySearch;
import org.exchangehub.catalog.search.EntrySummary;
import org.exchangehub.catalog.search.SearchCriteria;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Catalogue entries. A resource code such as {@code 3-01-02/000001} appears in paths as its two halves:
 * {@code /api/catalog/entries/3-01-02/000001}.
 */
@RestController
@RequestMapping("/api/catalog")
@Tag(name = "Catalogue entries", description = "编目: create, review, publish, mount, search and retire catalogue entries")
public class EntryController {

    private static final String ENTRY = "/entries/{prefix}/{sequence}";

    private final EntryService entries;
    private final MountService mounts;
    private final EntrySearch search;
    private final EntryImportService imports;

    public EntryController(EntryService entries, MountService mounts, EntrySearch search, EntryImportService imports) {
        this.entries = entries;
        this.mounts = mounts;
        this.search = search;
        this.imports = imports;
    }

    /** Optional lifecycle input: a reason (required to reject). */
    public record Decision(String reason) {
    }

    @PostMapping("/entries")
    @Operation(summary = "Catalogue a new entry (DRAFT); the hub assigns its resource code")
    public ResponseEntity<CatalogEntryView> create(Actor actor, @RequestBody EntryDraft draft) {
        CatalogEntryView view = entries.create(actor, draft);
        return ResponseEntity.created(URI.create("/api/catalog/entries/" + view.resourceCode()))
                .eTag(etag(view)).body(view);
    }

    @GetMapping(ENTRY)
    @Operation(summary = "An entry as you may see it: the published version and, for its department and reviewers, the pending one")
    public ResponseEntity<CatalogEntryView> get(Actor actor, @PathVariable String prefix, @PathVariable String sequence) {
        CatalogEntryView view = entries.view(actor, code(prefix, sequence));
        return ResponseEntity.ok().eTag(etag(view)).body(view);
    }

    @PutMapping(ENTRY)
    @Operation(summary = "Edit an entry (If-Match: its lock version); editing a published entry starts a new version for review")
    public ResponseEntity<CatalogEntryView> update(Actor actor, @PathVariable String prefix, @PathVariable String sequence,
                                                   @RequestHeader("If-Match") String ifMatch, @RequestBody EntryDraft draft) {
        CatalogEntryView view = entries.update(actor, code(prefix, sequence), lockVersion(ifMatch), draft);
        return ResponseEntity.ok().eTag(etag(view)).body(view);
    }

    @PostMapping(ENTRY + "/submit")
    @Operation(summary = "Submit the draft for review")
    public ResponseEntity<CatalogEntryView> submit(Actor actor, @PathVariable String prefix, @PathVariable String sequence,
                                                   @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return withEtag(entries.submit(actor, code(prefix, sequence), optionalLock(ifMatch)));
    }

    @PostMapping(ENTRY + "/approve")
    @Operation(summary = "Reviewer: publish the submitted version")
    public ResponseEntity<CatalogEntryView> approve(Actor actor, @PathVariable String prefix, @PathVariable String sequence,
                                                    @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return withEtag(entries.approve(actor, code(prefix, sequence), optionalLock(ifMatch)));
    }

    @PostMapping(ENTRY + "/reject")
    @Operation(summary = "Reviewer: reject the submitted version with a reason; the department edits it back to draft")
    public ResponseEntity<CatalogEntryView> reject(Actor actor, @PathVariable String prefix, @PathVariable String sequence,
                                                   @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                   @RequestBody(required = false) Decision decision) {
        return withEtag(entries.reject(actor, code(prefix, sequence), optionalLock(ifMatch), decision == null ? null : decision.reason()));
    }

    @PostMapping(ENTRY + "/retire")
    @Operation(summary = "Retire an entry: it leaves the published catalogue and no longer counts for coverage")
    public ResponseEntity<CatalogEntryView> retire(Actor actor, @PathVariable String prefix, @PathVariable String sequence,
                                                   @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                   @RequestBody(required = false) Decision decision) {
        return withEtag(entries.retire(actor, code(prefix, sequence), optionalLock(ifMatch), decision == null ? null : decision.reason()));
    }

    @GetMapping(ENTRY + "/history")
    @Operation(summary = "Every change of the entry: who, when, what changed")
    public List<HistoryRecord> history(Actor actor, @PathVariable String prefix, @PathVariable String sequence) {
        return entries.history(actor, code(prefix, sequence));
    }

    @GetMapping(ENTRY + "/mounts")
    @Operation(summary = "Resources mounted under the entry, with their health")
    public List<MountedResource> mounts(Actor actor, @PathVariable String prefix, @PathVariable String sequence) {
        return mounts.list(actor, code(prefix, sequence));
    }

    @PostMapping(ENTRY + "/mounts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Mount an API, TABLE or FILE resource under the entry (挂接)")
    public MountedResource mount(Actor actor, @PathVariable String prefix, @PathVariable String sequence,
                                 @RequestBody MountRequest request) {
        return mounts.mount(actor, code(prefix, sequence), request);
    }

    @DeleteMapping(ENTRY + "/mounts/{mountId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a mounted resource")
    public void unmount(Actor actor, @PathVariable String prefix, @PathVariable String sequence, @PathVariable long mountId) {
        mounts.unmount(actor, code(prefix, sequence), mountId);
    }

    @GetMapping("/entries")
    @Operation(summary = "Search entries by Chinese text (name, abstract, data items), best match first or sorted by "
            + "name, resourceCode or updated (dir asc or desc; updated defaults to newest first), with filters")
    public PageResult<EntrySummary> search(Actor actor,
                                           @RequestParam(required = false) String q,
                                           @RequestParam(required = false) String department,
                                           @RequestParam(required = false) String classification,
                                           @RequestParam(required = false) String shareType,
                                           @RequestParam(required = false) String status,
                                           @RequestParam(defaultValue = "0") int page,
                                           @RequestParam(defaultValue = "20") int size,
                                           @RequestParam(required = false) String sort,
                                           @RequestParam(required = false) String dir) {
        boolean ascending = dir == null ? !"updated".equals(sort) : !"desc".equalsIgnoreCase(dir.strip());
        return search.search(actor, new SearchCriteria(q, department, classification, shareType, status, page, size, sort, ascending));
    }

    @GetMapping("/reviews")
    @Operation(summary = "Reviewer: versions waiting for review, oldest first")
    public PageResult<ReviewItem> reviews(Actor actor, @RequestParam(defaultValue = "0") int page,
                                          @RequestParam(defaultValue = "20") int size) {
        if (page < 0) {
            throw RegistryException.invalid(List.of(new FieldProblem("page", "expected 0 or more, got " + page)));
        }
        return entries.reviewQueue(actor, page, Math.min(Math.max(size, 1), SearchCriteria.MAX_PAGE_SIZE));
    }

    @PostMapping(value = "/entries/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Bulk import entries from XLSX or CSV (UTF-8 or GBK); a report row by row")
    public ImportReport importEntries(Actor actor, @RequestPart("file") MultipartFile file) throws IOException {
        return imports.importEntries(actor, file.getOriginalFilename(), file.getInputStream());
    }

    static String code(String prefix, String sequence) {
        return prefix + "/" + sequence;
    }

    private static String etag(CatalogEntryView view) {
        return "\"" + view.lockVersion() + "\"";
    }

    private static ResponseEntity<CatalogEntryView> withEtag(CatalogEntryView view) {
        return ResponseEntity.ok().eTag(etag(view)).body(view);
    }

    static int lockVersion(String ifMatch) {
        String v = ifMatch.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw RegistryException.invalid(List.of(new FieldProblem("If-Match",
                    "expected the entry's ETag, a quoted lock version such as \"3\", got " + ifMatch)));
        }
    }

    private static Integer optionalLock(String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : lockVersion(ifMatch);
    }
}

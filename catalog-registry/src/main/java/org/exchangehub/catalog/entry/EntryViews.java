package org.exchangehub.catalog.entry;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/** What readers get back about entries. */
public final class EntryViews {

    private EntryViews() {
    }

    /**
     * An entry as one reader may see it.
     *
     * @param status      the status of the version readers see: the published one, or the newest before publication
     * @param lockVersion changes with every edit; send it back in {@code If-Match} to edit
     * @param published   the published version, if any
     * @param pending     a version being drafted or reviewed, if any and if this reader may see it
     */
    public record CatalogEntryView(String resourceCode, String departmentCode, EntryStatus status, int lockVersion,
                                   VersionView published, VersionView pending) {
    }

    public record VersionView(int version, EntryStatus status, EntryContent content, LocalDate publishDate,
                              String createdBy, OffsetDateTime updatedAt, String submittedBy, OffsetDateTime submittedAt,
                              String reviewedBy, OffsetDateTime reviewedAt, String reviewReason) {
    }

    /** One line of an entry's history: who did what, when, and which fields changed (from → to). */
    public record HistoryRecord(int version, String action, EntryStatus fromStatus, EntryStatus toStatus, String actor,
                                OffsetDateTime occurredAt, String reason, Map<String, Object> changes) {
    }

    /** One version waiting in the reviewers' queue. */
    public record ReviewItem(String resourceCode, String departmentCode, int version, String name,
                             boolean revisionOfPublished, String submittedBy, OffsetDateTime submittedAt) {
    }
}

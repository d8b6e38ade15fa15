package org.exchangehub.catalog.entry;

import org.exchangehub.catalog.entry.EntryEnums.ShareType;

/** Published inside the transaction that publishes a version of an entry, with the share type it now has. */
public record EntryPublished(long entryId, String resourceCode, ShareType shareType, String actor) {
}

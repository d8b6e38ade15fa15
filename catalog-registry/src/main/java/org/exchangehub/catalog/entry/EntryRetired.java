package org.exchangehub.catalog.entry;

/**
 * Published inside the transaction that retires an entry, so that what hangs on the entry (grants, pending
 * share requests) ends with it, atomically.
 */
public record EntryRetired(long entryId, String resourceCode, String actor, String reason) {
}

package org.exchangehub.catalog.entry;

/**
 * Status of an entry version: DRAFT → SUBMITTED → PUBLISHED, or REJECTED (edit → DRAFT again), → RETIRED.
 * A published version replaced by a newer publication becomes SUPERSEDED.
 */
public enum EntryStatus { DRAFT, SUBMITTED, PUBLISHED, REJECTED, RETIRED, SUPERSEDED }

package org.exchangehub.returnflow.store;

/** What became of one received record. */
public enum Outcome {
    /** the first version of a case: stored, queued for the provincial case centre */
    NEW_CASE,
    /** a newer version of a stored case: it replaced the latest, the old one stays in the history */
    NEWER_VERSION,
    /** a version older than the stored one: kept in the history, the latest unchanged */
    OLDER_VERSION,
    /** this version was stored before: counted, not stored again */
    DUPLICATE,
    /** failed mapping or a quality rule: kept with every reason for the source to fix and resend */
    FAILED;

    public boolean stored() {
        return this == NEW_CASE || this == NEWER_VERSION || this == OLDER_VERSION;
    }
}

package org.exchangehub.returnflow.record;

import java.util.Optional;

/** The standard statuses of a case, in the order a case normally moves through them (WITHDRAWN aside). */
public enum CaseStatus {
    SUBMITTED, ACCEPTED, UNDER_REVIEW, DECIDED, DELIVERED, COMPLETED, WITHDRAWN;

    public static Optional<CaseStatus> of(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (CaseStatus s : values()) {
            if (s.name().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Whether a case with this status has been accepted by a department. */
    public boolean accepted() {
        return this != SUBMITTED && this != WITHDRAWN;
    }

    /** Whether a case with this status is still being handled (a completion time would contradict it). */
    public boolean open() {
        return this == SUBMITTED || this == ACCEPTED || this == UNDER_REVIEW;
    }
}

package org.exchangehub.catalog;

/** Stable error codes of the registry; the HTTP layer maps each to its status. */
public enum ErrorCode {
    VALIDATION_FAILED(400, "The request has invalid fields"),
    NOT_FOUND(404, "No such resource"),
    FORBIDDEN(403, "Not allowed for this user"),
    CONCURRENT_MODIFICATION(409, "The entry was changed by someone else"),
    INVALID_STATE(409, "Not allowed in the entry's current state"),
    DUPLICATE(409, "Already exists");

    private final int httpStatus;
    private final String title;

    ErrorCode(int httpStatus, String title) {
        this.httpStatus = httpStatus;
        this.title = title;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String title() {
        return title;
    }
}

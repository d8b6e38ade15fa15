package org.exchangehub.catalog;

/** The hub's stable error codes, one enum for every module; the HTTP layer answers each with its status. */
public enum ErrorCode {
    VALIDATION_FAILED(400, "The request has invalid fields"),
    NOT_FOUND(404, "No such resource"),
    FORBIDDEN(403, "Not allowed for this user"),
    CONCURRENT_MODIFICATION(409, "The entry was changed by someone else"),
    INVALID_STATE(409, "Not allowed in the entry's current state"),
    DUPLICATE(409, "Already exists"),
    // single sign-on (hub-core sso): launches, one-time tickets, token exchange
    SSO_OFF(503, "Single sign-on is not configured on this hub"),
    SSO_LAUNCH_URL_NOT_REGISTERED(400, "The launch URL is not registered for this system"),
    SSO_SYSTEM_UNAUTHENTICATED(401, "The system did not authenticate"),
    SSO_TICKET_UNKNOWN(400, "No such ticket"),
    SSO_TICKET_USED(409, "The ticket was already redeemed"),
    SSO_TICKET_EXPIRED(410, "The ticket has expired"),
    SSO_TICKET_OTHER_SYSTEM(403, "The ticket was issued for another system"),
    SSO_EXCHANGE_FAILED(502, "The identity provider refused the token exchange"),
    SSO_LOGOUT_TOKEN_INVALID(400, "The logout token is not valid"),
    // shared calls through the gateway
    NOT_GRANTED(403, "No active grant for this resource"),
    QUOTA_EXCEEDED(429, "The grant's quota is used up"),
    NO_SUCH_OPERATION(404, "The resource has no such operation"),
    NOT_FOUND_AT_PROVIDER(404, "The provider has no such record"),
    PROVIDER_TIMEOUT(504, "The provider did not answer in time"),
    PROVIDER_ERROR(502, "The provider failed"),
    PROVIDER_BUSY(503, "The provider is rate-limiting the hub"),
    PROVIDER_UNAVAILABLE(503, "The provider has been failing; the hub is not calling it for now");

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

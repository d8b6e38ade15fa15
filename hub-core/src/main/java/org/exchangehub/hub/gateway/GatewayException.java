package org.exchangehub.hub.gateway;

/** A shared call refused or failed, with a stable code the consumer can act on. */
public class GatewayException extends RuntimeException {

    /** The gateway's error codes and their HTTP status. */
    public enum Code {
        NOT_GRANTED(403, "No active grant for this resource"),
        QUOTA_EXCEEDED(429, "The grant's quota is used up"),
        NO_SUCH_OPERATION(404, "The resource has no such operation"),
        NOT_FOUND_AT_PROVIDER(404, "The provider has no such record"),
        BAD_REQUEST(400, "The call lacks a parameter"),
        PROVIDER_TIMEOUT(504, "The provider did not answer in time"),
        PROVIDER_ERROR(502, "The provider failed"),
        PROVIDER_BUSY(503, "The provider is rate-limiting the hub");

        private final int httpStatus;
        private final String title;

        Code(int httpStatus, String title) {
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

    private final Code code;
    private final Integer retryAfterSeconds;

    public GatewayException(Code code, String message) {
        this(code, message, null);
    }

    public GatewayException(Code code, String message, Integer retryAfterSeconds) {
        super(message);
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** For QUOTA_EXCEEDED: when to try again. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public Code code() {
        return code;
    }
}

package org.exchangehub.hub.gateway;

import org.exchangehub.catalog.ErrorCode;
import org.exchangehub.catalog.RegistryException;

/** A shared call refused or failed; may say when to try again. */
public class GatewayException extends RegistryException {

    private final Integer retryAfterSeconds;

    public GatewayException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public GatewayException(ErrorCode code, String message, Integer retryAfterSeconds) {
        super(code, message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** For QUOTA_EXCEEDED, PROVIDER_BUSY and PROVIDER_UNAVAILABLE: when to try again. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

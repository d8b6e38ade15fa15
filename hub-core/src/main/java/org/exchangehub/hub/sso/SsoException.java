package org.exchangehub.hub.sso;

import org.exchangehub.catalog.ErrorCode;
import org.exchangehub.catalog.RegistryException;

/** A single sign-on request refused; answered as problem+json with its code by the hub's ProblemAdvice. */
public class SsoException extends RegistryException {

    public SsoException(ErrorCode code, String message) {
        super(code, message);
    }
}

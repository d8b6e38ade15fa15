package org.exchangehub.hub.sso.keycloak;

/** The embedded Keycloak could not be prepared, started or reached; the message says why and what to do. */
public class KeycloakStartException extends RuntimeException {

    public KeycloakStartException(String message) {
        super(message);
    }

    public KeycloakStartException(String message, Throwable cause) {
        super(message, cause);
    }
}

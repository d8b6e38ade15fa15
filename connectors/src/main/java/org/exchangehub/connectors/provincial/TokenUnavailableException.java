package org.exchangehub.connectors.provincial;

/** The token endpoint gave no usable access token; the message says why and never carries a secret or a token. */
public class TokenUnavailableException extends Exception {

    public TokenUnavailableException(String message) {
        super(message, null, false, false);
    }
}

package org.exchangehub.connectors.national;

import org.exchangehub.connectors.signing.RequestSignature;
import org.exchangehub.connectors.signing.Sm4Cipher;

/**
 * What a call to the national sharing gateway needs beyond the address: credentials, signature algorithm, the SM4
 * cipher when bodies are encrypted, and the JSON request body.
 *
 * @param cipher null when bodies travel as plain JSON
 */
public record NationalCall(String appKey, String appSecret, RequestSignature.Algorithm algorithm, Sm4Cipher cipher, String jsonBody) {

    public static final String PROPERTY = "hub.nationalCall";

    /** Never with the secret. */
    @Override
    public String toString() {
        return "NationalCall[appKey=" + appKey + ", algorithm=" + algorithm + ", encrypted=" + (cipher != null) + "]";
    }
}

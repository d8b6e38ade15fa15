package org.exchangehub.hub.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.exchangehub.catalog.Actor;
import org.exchangehub.catalog.FieldProblem;
import org.exchangehub.catalog.RegistryException;
import org.exchangehub.catalog.grant.ConsumerSystemService;
import org.exchangehub.connectors.signing.RequestSignature;
import org.springframework.stereotype.Service;

/** Issues legacy consuming systems their app key and secret; the secret is returned once and stored sealed. */
@Service
public class AppKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConsumerSystemService consumers;
    private final SecretBox secrets;

    public AppKeys(ConsumerSystemService consumers, SecretBox secrets) {
        this.consumers = consumers;
        this.secrets = secrets;
    }

    /** A fresh key and secret; never log it. */
    public record Issued(String appKey, String appSecret, String algorithm) {

        @Override
        public String toString() {
            return "Issued[appKey=" + appKey + ", appSecret=******, algorithm=" + algorithm + "]";
        }
    }

    public Issued issue(Actor actor, String systemId, String algorithm) {
        String chosen = algorithm == null || algorithm.isBlank() ? RequestSignature.Algorithm.HMAC_SM3.name() : algorithm.strip().toUpperCase();
        try {
            RequestSignature.Algorithm.valueOf(chosen);
        } catch (IllegalArgumentException e) {
            throw RegistryException.invalid(List.of(new FieldProblem("algorithm", "expected HMAC_SM3 or HMAC_SHA256, got '" + algorithm + "'")));
        }
        byte[] key = new byte[12];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(key);
        RANDOM.nextBytes(secret);
        String appKey = "ak" + HexFormat.of().formatHex(key);
        String appSecret = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        consumers.setAppCredential(actor, systemId, appKey, secrets.seal(appSecret), chosen);
        return new Issued(appKey, appSecret, chosen);
    }
}

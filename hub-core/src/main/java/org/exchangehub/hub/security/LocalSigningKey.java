package org.exchangehub.hub.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The hub's own signing key for development and tests, used only when no OIDC issuer (Keycloak) is configured.
 * It lives in the data directory (readable by its owner only) so that {@code ./hub token} and the running hub
 * agree on it, and so that tokens survive a restart.
 */
public final class LocalSigningKey {

    /**
     * The issuer claim of locally signed tokens; the hub accepts no other issuer in this mode. An https URL under the
     * reserved {@code .invalid} domain: never resolvable, and of a scheme the JDK has a handler for, because Spring
     * Security turns {@code iss} into a URL on every request and a {@code urn:} issuer made the JDK scan the class path
     * for a handler each time (6 % of the gateway's CPU).
     */
    public static final String ISSUER = "https://exchange-hub.invalid/local-development-key";
    static final String FILE_NAME = "local-jwt-signing-key.json";

    private final RSAKey key;

    private LocalSigningKey(RSAKey key) {
        this.key = key;
    }

    /** Loads the key from the data directory, creating it on first use. */
    public static synchronized LocalSigningKey inDataDir(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                return new LocalSigningKey(RSAKey.parse(Files.readString(file)));
            }
            Files.createDirectories(dataDir);
            RSAKey generated = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString()).generate();
            Path tmp = Files.createTempFile(dataDir, "key", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system; the data directory's own permissions apply
            }
            Files.writeString(tmp, generated.toJSONString());
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            return new LocalSigningKey(generated);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the local signing key " + file, e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("The local signing key " + file + " is unreadable; delete it to make a new one", e);
        }
    }

    public RSAPublicKey publicKey() {
        try {
            return key.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Signs a token in Keycloak's shape: realm roles under {@code realm_access.roles}, the department in
     * {@code department_code}.
     */
    public String issue(String username, Collection<String> roles, String departmentCode, Duration validity) {
        // a consuming system's token names its OAuth2 client, as Keycloak's client-credentials tokens do
        return issue(username, roles, departmentCode, roles.contains("consumer") ? username : null, validity);
    }

    /** As above, with the OAuth2 client ({@code azp}) the token was issued through, if any. */
    public String issue(String username, Collection<String> roles, String departmentCode, String clientId, Duration validity) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(username)
                .claim("preferred_username", username)
                .claim("realm_access", Map.of("roles", List.copyOf(roles)))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plus(validity)))
                .jwtID(UUID.randomUUID().toString());
        if (departmentCode != null && !departmentCode.isBlank()) {
            claims.claim("department_code", departmentCode);
        }
        if (clientId != null) {
            claims.claim("azp", clientId);
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }
}

package org.exchangehub.hub.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A signing key the hub does not trust, for forged-token tests. */
public final class LocalSigningKeyForTests {

    public String foreignToken(String role) {
        try {
            Path dir = Files.createTempDirectory("foreign-key");
            return LocalSigningKey.inDataDir(dir).issue("mallory", List.of(role), null, Duration.ofMinutes(5));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

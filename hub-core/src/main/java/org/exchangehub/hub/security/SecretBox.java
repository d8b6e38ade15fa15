package org.exchangehub.hub.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets the hub must keep and use again (legacy consumers' app secrets) with AES-256-GCM. The key comes
 * from {@code HUB_SECRET_KEY} (base64 of 32 bytes); without it, from a key file the hub creates in its data
 * directory, which is for development only.
 */
public final class SecretBox {

    static final String KEY_FILE = "secret-box.key";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private SecretBox(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("The hub's secret key must be 32 bytes (base64 of 32 random bytes), got " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    public static SecretBox of(String base64Key, Path dataDir) {
        if (base64Key != null && !base64Key.isBlank()) {
            return new SecretBox(Base64.getDecoder().decode(base64Key.strip()));
        }
        Path file = dataDir.resolve(KEY_FILE);
        try {
            if (Files.exists(file)) {
                return new SecretBox(Base64.getDecoder().decode(Files.readString(file).strip()));
            }
            Files.createDirectories(dataDir);
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            Path tmp = Files.createTempFile(dataDir, "key", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system; the data directory's own permissions apply
            }
            Files.writeString(tmp, Base64.getEncoder().encodeToString(fresh));
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            return new SecretBox(fresh);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret key " + file, e);
        }
    }

    public String seal(String secret) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = aes.doFinal(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    public String open(String sealedBase64) {
        try {
            byte[] all = Base64.getDecoder().decode(sealedBase64);
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            return new String(aes.doFinal(all, 12, all.length - 12), java.nio.charset.StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored secret cannot be opened with the hub's secret key (was HUB_SECRET_KEY changed?)", e);
        }
    }
}

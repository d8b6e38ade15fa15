package org.exchangehub.returnflow.record;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;

/**
 * Which version of a case a record is, and how versions order. The source's own version number when it counts
 * versions ({@code v7}), else its update time ({@code t1795400160000}, ms), else a hash of the record's content
 * ({@code h…}, ordered by arrival). The same key twice is a duplicate; a higher rank replaces the stored version.
 */
public record VersionKey(String key, long rank) {

    public static VersionKey of(CaseRecord record, String canonicalContent, OffsetDateTime receivedAt) {
        if (record.version() != null) {
            return new VersionKey("v" + record.version(), record.version());
        }
        if (record.updatedAt() != null) {
            long millis = record.updatedAt().toInstant().toEpochMilli();
            return new VersionKey("t" + millis, millis);
        }
        return new VersionKey("h" + sha256(canonicalContent).substring(0, 24), receivedAt.toInstant().toEpochMilli());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

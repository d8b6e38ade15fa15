package org.exchangehub.connectors.signing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The request signature of gateway-style interfaces (the national platform's sharing gateway, and legacy
 * consumers of the hub): a keyed hash, with the app secret as key, of {@code appKey + timestamp + nonce + body},
 * as lower-case hex.
 */
public final class RequestSignature {

    public enum Algorithm {
        /** HMAC with SHA-256 */
        HMAC_SHA256,
        /** HMAC with SM3 (GB/T 32905), the national cryptographic hash */
        HMAC_SM3
    }

    private RequestSignature() {
    }

    public static String sign(Algorithm algorithm, String appSecret, String appKey, String timestamp, String nonce, String body) {
        return HexFormat.of().formatHex(mac(algorithm, appSecret.getBytes(StandardCharsets.UTF_8),
                (appKey + timestamp + nonce + (body == null ? "" : body)).getBytes(StandardCharsets.UTF_8)));
    }

    /** Compares in constant time, so the comparison leaks nothing about how much of a forged signature was right. */
    public static boolean verify(Algorithm algorithm, String appSecret, String appKey, String timestamp, String nonce, String body,
                                 String signature) {
        if (signature == null) {
            return false;
        }
        byte[] expected = sign(algorithm, appSecret, appKey, timestamp, nonce, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.toLowerCase().getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] mac(Algorithm algorithm, byte[] key, byte[] message) {
        Digest digest = algorithm == Algorithm.HMAC_SM3 ? new SM3Digest() : new SHA256Digest();
        HMac hmac = new HMac(digest);
        hmac.init(new KeyParameter(key));
        hmac.update(message, 0, message.length);
        byte[] out = new byte[hmac.getMacSize()];
        hmac.doFinal(out, 0);
        return out;
    }

    /** The plain SM3 hash, for interfaces that sign with a salted hash instead of an HMAC. */
    public static String sm3Hex(String text) {
        SM3Digest sm3 = new SM3Digest();
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        sm3.update(in, 0, in.length);
        byte[] out = new byte[sm3.getDigestSize()];
        sm3.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}

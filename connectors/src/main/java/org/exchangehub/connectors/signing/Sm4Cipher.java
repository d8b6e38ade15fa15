package org.exchangehub.connectors.signing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bouncycastle.crypto.BufferedBlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.paddings.PKCS7Padding;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/** SM4 (GB/T 32907) body encryption as gateway-style interfaces use it: ECB or CBC, PKCS#7 padding, base64 text. */
public final class Sm4Cipher {

    public enum Mode { ECB, CBC }

    private final Mode mode;
    private final byte[] key;
    private final byte[] iv;

    /**
     * @param key 16 bytes
     * @param iv  16 bytes for CBC, null for ECB
     */
    public Sm4Cipher(Mode mode, byte[] key, byte[] iv) {
        if (key == null || key.length != 16) {
            throw new IllegalArgumentException("SM4 needs a 16-byte key");
        }
        if (mode == Mode.CBC && (iv == null || iv.length != 16)) {
            throw new IllegalArgumentException("SM4-CBC needs a 16-byte IV");
        }
        this.mode = mode;
        this.key = key.clone();
        this.iv = iv == null ? null : iv.clone();
    }

    public String encrypt(String plaintext) {
        return Base64.getEncoder().encodeToString(run(true, plaintext.getBytes(StandardCharsets.UTF_8)));
    }

    public String decrypt(String base64) {
        return new String(run(false, Base64.getDecoder().decode(base64)), StandardCharsets.UTF_8);
    }

    byte[] run(boolean encrypt, byte[] input) {
        BufferedBlockCipher cipher = mode == Mode.CBC
                ? new PaddedBufferedBlockCipher(CBCBlockCipher.newInstance(new SM4Engine()), new PKCS7Padding())
                : new PaddedBufferedBlockCipher(new SM4Engine(), new PKCS7Padding());
        cipher.init(encrypt, mode == Mode.CBC ? new ParametersWithIV(new KeyParameter(key), iv) : new KeyParameter(key));
        byte[] out = new byte[cipher.getOutputSize(input.length)];
        int n = cipher.processBytes(input, 0, input.length, out, 0);
        try {
            n += cipher.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalArgumentException("Not a valid SM4 ciphertext for this key (bad padding)", e);
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** For logs: the mode only, never the key. */
    @Override
    public String toString() {
        return "Sm4Cipher[" + mode + "]";
    }
}

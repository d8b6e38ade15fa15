package org.exchangehub.connectors.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Sm4CipherTest {

    static final byte[] STANDARD_KEY = HexFormat.of().parseHex("0123456789abcdeffedcba9876543210");

    @Test
    void firstBlockMatchesTheStandardsExample() {
        // GB/T 32907-2016, appendix A.1: plaintext and key 0123456789abcdeffedcba9876543210
        byte[] cipher = new Sm4Cipher(Sm4Cipher.Mode.ECB, STANDARD_KEY, null).run(true, STANDARD_KEY);
        assertThat(HexFormat.of().formatHex(Arrays.copyOf(cipher, 16))).isEqualTo("681edf34d206965e86b3e94f536e4246");
        assertThat(cipher).hasSize(32); // one full block of PKCS#7 padding follows
    }

    @Test
    void cbcRoundTripsChineseText() {
        Sm4Cipher cbc = new Sm4Cipher(Sm4Cipher.Mode.CBC, STANDARD_KEY, new byte[16]);
        String body = "{\"tyshxydm\":\"91620900MA7XXXXXXX\",\"qymc\":\"酒泉市某某商贸有限公司\"}";
        String encrypted = cbc.encrypt(body);
        assertThat(encrypted).doesNotContain("酒泉");
        assertThat(cbc.decrypt(encrypted)).isEqualTo(body);
        assertThat(new Sm4Cipher(Sm4Cipher.Mode.ECB, STANDARD_KEY, null).encrypt(body)).isNotEqualTo(encrypted);
    }

    @Test
    void wrongKeyOrShortKeyIsRefusedClearly() {
        String encrypted = new Sm4Cipher(Sm4Cipher.Mode.ECB, STANDARD_KEY, null).encrypt("x");
        byte[] other = STANDARD_KEY.clone();
        other[0] ^= 1;
        assertThatThrownBy(() -> new Sm4Cipher(Sm4Cipher.Mode.ECB, other, null).decrypt(encrypted))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("padding");
        assertThatThrownBy(() -> new Sm4Cipher(Sm4Cipher.Mode.CBC, new byte[8], new byte[16])).hasMessageContaining("16-byte key");
        assertThat(new Sm4Cipher(Sm4Cipher.Mode.ECB, STANDARD_KEY, null).toString()).doesNotContain("0123");
    }
}

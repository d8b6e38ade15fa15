package org.exchangehub.connectors.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.exchangehub.connectors.signing.RequestSignature.Algorithm;
import org.junit.jupiter.api.Test;

class RequestSignatureTest {

    @Test
    void sm3MatchesTheStandardsExample() {
        // GB/T 32905-2016, appendix A.1: SM3("abc")
        assertThat(RequestSignature.sm3Hex("abc")).isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void hmacSha256MatchesRfc4231TestCase2() {
        byte[] mac = RequestSignature.mac(Algorithm.HMAC_SHA256, "Jefe".getBytes(StandardCharsets.US_ASCII),
                "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII));
        assertThat(HexFormat.of().formatHex(mac)).isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void signatureCoversKeyTimestampNonceAndBody() {
        String signature = RequestSignature.sign(Algorithm.HMAC_SM3, "secret", "app-1", "1764000000000", "n0nce", "{\"a\":1}");
        assertThat(signature).hasSize(64).matches("[0-9a-f]+");
        assertThat(RequestSignature.verify(Algorithm.HMAC_SM3, "secret", "app-1", "1764000000000", "n0nce", "{\"a\":1}", signature)).isTrue();
        assertThat(RequestSignature.verify(Algorithm.HMAC_SM3, "secret", "app-1", "1764000000000", "n0nce", "{\"a\":2}", signature)).isFalse();
        assertThat(RequestSignature.verify(Algorithm.HMAC_SM3, "secret", "app-1", "1764000000001", "n0nce", "{\"a\":1}", signature)).isFalse();
        assertThat(RequestSignature.verify(Algorithm.HMAC_SM3, "other", "app-1", "1764000000000", "n0nce", "{\"a\":1}", signature)).isFalse();
        assertThat(RequestSignature.verify(Algorithm.HMAC_SHA256, "secret", "app-1", "1764000000000", "n0nce", "{\"a\":1}", signature)).isFalse();
        assertThat(RequestSignature.verify(Algorithm.HMAC_SM3, "secret", "app-1", "1764000000000", "n0nce", "{\"a\":1}", null)).isFalse();
    }

    @Test
    void upperCaseHexSignatureIsAccepted() {
        String signature = RequestSignature.sign(Algorithm.HMAC_SHA256, "s", "k", "1", "n", "");
        assertThat(RequestSignature.verify(Algorithm.HMAC_SHA256, "s", "k", "1", "n", null, signature.toUpperCase())).isTrue();
    }
}

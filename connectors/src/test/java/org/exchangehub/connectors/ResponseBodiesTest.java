package org.exchangehub.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseBodiesTest {

    @Test
    void readsAStreamInTheCharsetTheAnswerDeclares() {
        Charset gbk = Charset.forName("GBK");
        String text = "{\"qymc\":\"酒泉市某某商贸有限公司\"}";

        assertThat(ResponseBodies.text(new ByteArrayInputStream(text.getBytes(gbk)), "application/json; charset=GBK")).isEqualTo(text);
        assertThat(ResponseBodies.text(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "application/json"))
                .isEqualTo(text);
        assertThat(ResponseBodies.text(text.getBytes(StandardCharsets.UTF_8), "application/json;charset=\"utf-8\"")).isEqualTo(text);
    }

    @Test
    void anUnknownCharsetFallsBackToUtf8AndNoBodyIsNull() {
        assertThat(ResponseBodies.text("好".getBytes(StandardCharsets.UTF_8), "text/plain; charset=x-no-such")).isEqualTo("好");
        assertThat(ResponseBodies.text(null, null)).isNull();
        assertThat(ResponseBodies.status(Integer.valueOf(200))).isEqualTo(200);
        assertThat(ResponseBodies.status((Object) null)).isZero();
    }
}

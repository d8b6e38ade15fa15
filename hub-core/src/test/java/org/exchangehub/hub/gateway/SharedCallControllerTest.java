package org.exchangehub.hub.gateway;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.web.HttpMediaTypeNotAcceptableException;

class SharedCallControllerTest {

    @Test
    void answersCallersThatAcceptJson() {
        for (String accept : new String[] {null, "", "application/json", "*/*", "application/*", "text/html, application/json;q=0.5",
                "application/json;charset=UTF-8"}) {
            assertThatCode(() -> SharedCallController.requireJsonAcceptable(accept)).as(accept).doesNotThrowAnyException();
        }
    }

    @Test
    void refusesCallersThatAcceptNoJson() {
        for (String accept : new String[] {"text/html", "application/xml", "text/plain, text/csv", "not a media type"}) {
            assertThatThrownBy(() -> SharedCallController.requireJsonAcceptable(accept)).as(accept)
                    .isInstanceOf(HttpMediaTypeNotAcceptableException.class);
        }
    }
}

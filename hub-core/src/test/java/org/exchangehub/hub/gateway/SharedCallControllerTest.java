package org.exchangehub.hub.gateway;

import static org.assertj.core.api.Assertions.assertThat;
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

    @Test
    void takesTheFirstValueOfEachQueryParameterInOrder() {
        var request = new org.springframework.mock.web.MockHttpServletRequest("GET", "/api/shared/1-01/000001/query");
        request.addParameter("creditCode", "91620900MA7AAAAAA1", "second");
        request.addParameter("name", "酒泉");
        request.addParameter("empty", "");
        assertThat(SharedCallController.parameters(request)).containsExactly(java.util.Map.entry("creditCode", "91620900MA7AAAAAA1"),
                java.util.Map.entry("name", "酒泉"), java.util.Map.entry("empty", ""));
    }
}

package org.exchangehub.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectorClientTest {

    @Test
    void logsProviderMessagesWithoutTheIdentifiersTheyRepeat() {
        assertThat(ConnectorClient.withoutIdentifiers("gateway code 404: 身份证号620102199001011234未找到"))
                .isEqualTo("gateway code 404: 身份证号***未找到");
        assertThat(ConnectorClient.withoutIdentifiers("soap:Server: no licence 91620900MA7AAAAAA1 / 62010219900101123X"))
                .isEqualTo("soap:Server: no licence *** / ***");
        assertThat(ConnectorClient.withoutIdentifiers("no answer within 800 ms")).isEqualTo("no answer within 800 ms");
    }
}

package org.exchangehub.hub.gateway;

import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.exchangehub.connectors.ConnectorCall;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One HTTP component per configured provider system, so each has its own timeouts (Camel sets them per component). */
@Configuration
class ConnectorComponents {

    @Bean
    CamelContextConfiguration connectorHttpComponents(ConnectorProperties connectors) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext context) {
                for (Map.Entry<String, ConnectorProperties.System> s : connectors.systems().entrySet()) {
                    HttpComponent http = new HttpComponent();
                    http.setConnectTimeout(s.getValue().connectTimeout().toMillis());
                    http.setConnectionRequestTimeout(s.getValue().connectTimeout().toMillis());
                    http.setResponseTimeout(s.getValue().responseTimeout().toMillis());
                    http.setSoTimeout(s.getValue().responseTimeout().toMillis());
                    context.addComponent(ConnectorCall.componentName(s.getKey()), http);
                }
            }

            @Override
            public void afterApplicationStart(CamelContext context) {
            }
        };
    }
}

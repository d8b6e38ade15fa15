package org.exchangehub.hub.gateway;

import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.exchangehub.connectors.ConnectorCall;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One HTTP component per configured provider system, so each has its own timeouts (Camel sets them per component);
 * also used for its token endpoint and health probe.
 */
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
                    // retries are ConnectorResilience's, for idempotent operations only: the HTTP client's own would
                    // silently re-send a POST answered 503, and double a consumer's wait behind the connector's back
                    http.setAutomaticRetriesDisabled(true);
                    http.setContentCompressionDisabled(!s.getValue().compression());
                    // the hub calls on behalf of many consumers: a cookie one answer set must not ride along on the
                    // next consumer's call
                    http.setCookieManagementDisabled(true);
                    context.addComponent(ConnectorCall.componentName(s.getKey()), http);
                }
            }

            @Override
            public void afterApplicationStart(CamelContext context) {
            }
        };
    }
}

package org.exchangehub.hub.returnflow;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * Error handling of the return flow's polling routes (forwarding, database poller, file drop), written once: a round
 * that fails is logged and the route carries on with its next round. What the round was doing stays where it was
 * (the outbox row unforwarded, the watermark unmoved, the file in place), so the next round tries it again.
 */
@Component
public class ReturnFlowErrorHandling extends RouteConfigurationBuilder {

    public static final String ID = "return-flow-errors";
    /** For file routes: logged, not handled, so the file stays and is read again (rather than moved as done). */
    public static final String FILE_ID = "return-flow-file-errors";

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(Exception.class)
                .handled(true)
                .log(LoggingLevel.WARN, "org.exchangehub.hub.returnflow",
                        "Return flow route ${routeId}: round failed, retried next round: ${exception.message}")
                .end();
        routeConfiguration(FILE_ID)
                .onException(Exception.class)
                .handled(false)
                .log(LoggingLevel.WARN, "org.exchangehub.hub.returnflow",
                        "Return flow route ${routeId}: file ${header.CamelFileName} not stored, read again next poll: ${exception.message}")
                .end();
    }
}

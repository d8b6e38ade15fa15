package org.exchangehub.connectors.health;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.exchangehub.connectors.ConnectorCall;
import org.exchangehub.connectors.ConnectorOutcome;
import org.springframework.stereotype.Component;

/**
 * Asks a provider whether it is there: a GET of its probe URL; any HTTP answer below 500 counts as up (a 401 or 404
 * still shows a server that answers). Not through the circuit breaker: the probe is how recovery is seen.
 */
@Component
public class ConnectorProbe {

    /** @param detail what the probe saw, for the mount's health detail: a status and latency, or why there was none */
    public record Result(boolean up, long latencyMs, String detail) {
    }

    private final ProducerTemplate camel;

    public ConnectorProbe(ProducerTemplate camel) {
        this.camel = camel;
    }

    /** {@code call.address()} is the URL to probe. */
    public Result probe(ConnectorCall call) {
        Exchange exchange = new DefaultExchange(camel.getCamelContext());
        exchange.setProperty(ConnectorCall.PROPERTY, call);
        long started = System.nanoTime();
        Exchange done = camel.send(ProbeRoute.ENDPOINT, exchange);
        long latencyMs = (System.nanoTime() - started) / 1_000_000;
        ConnectorOutcome outcome = done.getProperty(ConnectorOutcome.PROPERTY, ConnectorOutcome.class);
        if (outcome == null) {
            return new Result(false, latencyMs, "probe failed ("
                    + (done.getException() == null ? "no outcome" : done.getException().getClass().getSimpleName()) + ")");
        }
        return switch (outcome.kind()) {
            case TIMEOUT -> new Result(false, latencyMs, outcome.detail());
            case UNREACHABLE -> new Result(false, latencyMs, "unreachable (" + outcome.detail() + ")");
            default -> new Result(outcome.status() > 0 && outcome.status() < 500, latencyMs,
                    "HTTP " + outcome.status() + " in " + latencyMs + " ms");
        };
    }
}

package org.exchangehub.hub.returnflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpComponent;
import org.exchangehub.returnflow.forward.CaseForwardOutbox;
import org.exchangehub.returnflow.forward.CaseForwardOutbox.Pending;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Forwards passed versions to the provincial case centre (省级办件中心) in near real time: every
 * {@code centre.interval} the outbox's due versions go out as JSON batches
 * ({@code {"records":[{"forwardId","sourceId","caseNumber","versionKey","record"}]}}, header {@code Idempotency-Key});
 * a 2xx answer marks them forwarded, anything else reschedules them with exponential backoff. With no centre URL
 * configured the routes are not started and versions wait.
 */
@Component
public class CaseForwardRoute extends RouteBuilder {

    public static final String ROUTE_ID = "case-forward";
    public static final String CENTRE_ROUTE_ID = "provincial-case-centre";
    static final String CENTRE = "direct:provincial-case-centre";
    private static final Logger log = LoggerFactory.getLogger(CaseForwardRoute.class);

    private final ReturnFlowProperties.Centre centre;
    private final CaseForwardOutbox outbox;
    private final ReturnFlowMetrics metrics;
    private final ObjectMapper json;

    public CaseForwardRoute(ReturnFlowProperties properties, CaseForwardOutbox outbox, ReturnFlowMetrics metrics, ObjectMapper json) {
        this.centre = properties.centre();
        this.outbox = outbox;
        this.metrics = metrics;
        this.json = json;
    }

    @Override
    public void configure() {
        if (!centre.configured()) {
            log.info("Return flow: no provincial case centre configured (hub.return-flow.centre.url, HUB_CASE_CENTRE_URL); "
                    + "passed records wait in the outbox");
            return;
        }
        HttpComponent http = new HttpComponent();
        http.setConnectTimeout(centre.timeout().toMillis());
        http.setConnectionRequestTimeout(centre.timeout().toMillis());
        http.setResponseTimeout(centre.timeout().toMillis());
        http.setSoTimeout(centre.timeout().toMillis());
        getContext().addComponent("case-centre-http", http);
        String target = centre.url().replaceFirst("^https?", "case-centre-http");
        if (centre.url().startsWith("https")) {
            target = target.replaceFirst("^case-centre-http", "case-centre-https");
            getContext().addComponent("case-centre-https", http);
        }

        from("timer:case-forward?period=" + centre.interval().toMillis() + "&delay=1000")
                .routeId(ROUTE_ID).routeConfigurationId(ReturnFlowErrorHandling.ID)
                .process(e -> forwardDue(producer()));

        from(CENTRE).routeId(CENTRE_ROUTE_ID)
                .removeHeaders("*", "Idempotency-Key")
                .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json; charset=UTF-8"))
                .to(target + (target.contains("?") ? "&" : "?") + "throwExceptionOnFailure=false");
    }

    private volatile ProducerTemplate producer;

    private ProducerTemplate producer() {
        if (producer == null) {
            producer = getContext().createProducerTemplate();
        }
        return producer;
    }

    /** Drains the due versions batch by batch; stops at the first batch the centre did not acknowledge. */
    void forwardDue(ProducerTemplate producer) {
        {
            while (true) {
                CaseForwardOutbox.Round round = outbox.forwardDue(centre.batchSize(), batch -> send(producer, batch),
                        centre.initialBackoff(), centre.maxBackoff());
                if (round.error() != null) {
                    metrics.forwardFailed();
                    log.warn("Provincial case centre did not acknowledge {} versions: {}; retried with backoff", round.claimed(), round.error());
                    return;
                }
                metrics.forwarded(round.forwarded());
                if (round.claimed() < centre.batchSize()) {
                    return;
                }
            }
        }
    }

    private void send(ProducerTemplate producer, List<Pending> batch) throws Exception {
        List<Map<String, Object>> records = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("forwardId", p.forwardId());
            r.put("sourceId", p.sourceId());
            r.put("caseNumber", p.caseNumber());
            r.put("versionKey", p.versionKey());
            r.put("record", p.record());
            records.add(r);
        }
        String body = json.writeValueAsString(Map.of("records", records));
        String key = batch.get(0).forwardId() + "-" + batch.get(batch.size() - 1).forwardId();
        Exchange answer = producer.request(CENTRE, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeader("Idempotency-Key", key);
        });
        if (answer.getException() != null) {
            throw new IllegalStateException("the provincial case centre is unreachable: " + answer.getException().getClass().getSimpleName()
                    + (answer.getException().getMessage() == null ? "" : " " + answer.getException().getMessage()));
        }
        int status = answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        if (status < 200 || status > 299) {
            String text = answer.getMessage().getBody(String.class);
            throw new IllegalStateException("the provincial case centre answered " + status
                    + (text == null || text.isBlank() ? "" : ": " + (text.length() > 200 ? text.substring(0, 200) : text)));
        }
    }
}

package org.exchangehub.connectors.national;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpMethods;
import org.exchangehub.connectors.ConnectorCall;
import org.exchangehub.connectors.ConnectorErrorHandling;
import org.exchangehub.connectors.ConnectorOutcome;
import org.exchangehub.connectors.ResponseBodies;
import org.exchangehub.connectors.signing.RequestSignature;
import org.springframework.stereotype.Component;

/**
 * The national platform's sharing gateway: a signed POST (app key, millisecond timestamp, nonce and signature
 * headers; the body SM4-encrypted where configured), answered with HTTP 200 and a {@code code/message/data}
 * envelope. The outcome carries the envelope's code as status and its (decrypted) data as body; the gateway's
 * message stays in the outcome's detail, for logs, never for the consumer.
 */
@Component
public class NationalGatewayRoute extends RouteBuilder {

    public static final String ENDPOINT = "direct:national-gateway";
    public static final String ROUTE_ID = "national-gateway";
    public static final String APP_KEY = "X-App-Key";
    public static final String TIMESTAMP = "X-Timestamp";
    public static final String NONCE = "X-Nonce";
    public static final String SIGNATURE = "X-Signature";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void configure() {
        from(ENDPOINT).routeId(ROUTE_ID).routeConfigurationId(ConnectorErrorHandling.ID)
                .process(e -> {
                    ConnectorCall call = e.getProperty(ConnectorCall.PROPERTY, ConnectorCall.class);
                    NationalCall national = e.getProperty(NationalCall.PROPERTY, NationalCall.class);
                    String body = national.cipher() == null ? national.jsonBody() : national.cipher().encrypt(national.jsonBody());
                    String timestamp = String.valueOf(System.currentTimeMillis());
                    String nonce = UUID.randomUUID().toString().replace("-", "");
                    e.getMessage().removeHeaders("*");
                    e.getMessage().setHeader(Exchange.HTTP_METHOD, HttpMethods.POST);
                    e.getMessage().setHeader(Exchange.CONTENT_TYPE, national.cipher() == null ? "application/json; charset=UTF-8" : "text/plain; charset=UTF-8");
                    e.getMessage().setHeader("Accept", "application/json");
                    e.getMessage().setHeader(APP_KEY, national.appKey());
                    e.getMessage().setHeader(TIMESTAMP, timestamp);
                    e.getMessage().setHeader(NONCE, nonce);
                    e.getMessage().setHeader(SIGNATURE,
                            RequestSignature.sign(national.algorithm(), national.appSecret(), national.appKey(), timestamp, nonce, body));
                    e.getMessage().setBody(body);
                    e.setProperty("targetUri", call.component() + ":" + call.address() + "?throwExceptionOnFailure=false");
                })
                .toD("${exchangeProperty.targetUri}")
                .process(e -> e.setProperty(ConnectorOutcome.PROPERTY, unwrap(
                        ResponseBodies.status(e.getMessage()), ResponseBodies.text(e.getMessage()),
                        e.getProperty(NationalCall.PROPERTY, NationalCall.class))));
    }

    /** The envelope's code becomes the status (a non-numeric code counts as 502); its data, decrypted, the body. */
    static ConnectorOutcome unwrap(int httpStatus, String text, NationalCall call) {
        if (httpStatus != 200) {
            // the gateway answers its errors inside the envelope; an HTTP error means the gateway itself failed
            return new ConnectorOutcome(ConnectorOutcome.Kind.ANSWERED, 502, null, "gateway HTTP " + httpStatus);
        }
        try {
            JsonNode envelope = JSON.readTree(text == null ? "" : text);
            if (envelope == null || !envelope.has("code")) {
                return new ConnectorOutcome(ConnectorOutcome.Kind.ANSWERED, 502, null, "no code/message/data envelope");
            }
            String code = envelope.path("code").asText();
            String message = envelope.path("message").asText(null);
            int status = code.matches("\\d{3}") ? Integer.parseInt(code) : 502;
            if (status != 200) {
                return new ConnectorOutcome(ConnectorOutcome.Kind.ANSWERED, status, null, "gateway code " + code + ": " + message);
            }
            JsonNode data = envelope.path("data");
            String body = data.isTextual() && call.cipher() != null ? call.cipher().decrypt(data.asText()) : JSON.writeValueAsString(data);
            return new ConnectorOutcome(ConnectorOutcome.Kind.ANSWERED, 200, body, null);
        } catch (Exception e) {
            return new ConnectorOutcome(ConnectorOutcome.Kind.ANSWERED, 502, null, "unreadable envelope: " + e.getClass().getSimpleName());
        }
    }
}

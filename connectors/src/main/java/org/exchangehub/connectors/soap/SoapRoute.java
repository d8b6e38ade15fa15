package org.exchangehub.connectors.soap;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpMethods;
import org.exchangehub.connectors.BearerToken;
import org.exchangehub.connectors.ConnectorCall;
import org.exchangehub.connectors.ConnectorErrorHandling;
import org.exchangehub.connectors.ConnectorOutcome;
import org.exchangehub.connectors.ResponseBodies;
import org.springframework.stereotype.Component;

/**
 * A SOAP 1.1 web service operation (provincial vertical systems, older departmental systems): a POST of the
 * envelope {@link SoapEnvelope} builds, with the SOAPAction header and, for a provincial system, its bearer token;
 * the answer's result becomes a JSON object, a Fault a {@link ConnectorOutcome.Kind#FAULT} outcome.
 *
 * <p>Why a light envelope over camel-http rather than camel-cxf-soap: the hub passes flat parameters in and reads a
 * result out, it needs no WSDL-generated classes, WS-Security or MTOM; CXF would add a large dependency tree and
 * seconds of start-up, and would bypass the per-connector HTTP components that carry each connector's timeouts.
 * If a provider ever needs WS-Security, that is the reason to move that connector to CXF.
 */
@Component
public class SoapRoute extends RouteBuilder {

    public static final String ENDPOINT = "direct:soap-call";
    public static final String ROUTE_ID = "soap-call";

    @Override
    public void configure() {
        from(ENDPOINT).routeId(ROUTE_ID).routeConfigurationId(ConnectorErrorHandling.ID)
                .process(e -> {
                    ConnectorCall call = e.getProperty(ConnectorCall.PROPERTY, ConnectorCall.class);
                    SoapCall soap = e.getProperty(SoapCall.PROPERTY, SoapCall.class);
                    e.getMessage().removeHeaders("*");
                    e.getMessage().setHeader(Exchange.HTTP_METHOD, HttpMethods.POST);
                    e.getMessage().setHeader(Exchange.HTTP_QUERY, call.query());
                    e.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/xml; charset=UTF-8");
                    e.getMessage().setHeader("Accept", "text/xml");
                    e.getMessage().setHeader("SOAPAction", "\"" + (soap.soapAction() == null ? "" : soap.soapAction()) + "\"");
                    BearerToken.authorize(e);
                    e.getMessage().setBody(SoapEnvelope.request(soap));
                    e.setProperty("targetUri", call.component() + ":" + call.address() + "?throwExceptionOnFailure=false");
                })
                .toD("${exchangeProperty.targetUri}")
                .process(e -> e.setProperty(ConnectorOutcome.PROPERTY, SoapEnvelope.outcome(
                        ResponseBodies.status(e.getMessage()), e.getMessage().getBody(byte[].class),
                        e.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class),
                        e.getProperty(SoapCall.PROPERTY, SoapCall.class))));
    }
}

package org.exchangehub.connectors.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.exchangehub.connectors.ConnectorOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SoapEnvelopeTest {

    static final String NS = "http://estate.gansu.gov.cn/ws";

    static SoapCall call(boolean qualified, String resultElement, Map<String, String> parameters) {
        return new SoapCall(NS, "urn:queryEstate", "queryEstate", qualified, resultElement, parameters);
    }

    static Document read(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] envelope(String body) {
        return ("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>" + body
                + "</soap:Body></soap:Envelope>").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void requestCarriesParametersAsUnqualifiedChildrenWithValuesEscaped() throws Exception {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("creditCode", "91620900MA7AAAAAA1");
        parameters.put("owner", "张三 & <李四> \"'");
        String xml = SoapEnvelope.request(call(false, null, parameters));

        Document d = read(xml);
        Element envelope = d.getDocumentElement();
        assertThat(envelope.getNamespaceURI()).isEqualTo(SoapEnvelope.SOAP_11);
        assertThat(envelope.getLocalName()).isEqualTo("Envelope");
        Element operation = (Element) d.getElementsByTagNameNS(NS, "queryEstate").item(0);
        assertThat(operation).isNotNull();
        Element owner = (Element) operation.getElementsByTagNameNS("", "owner").item(0);
        assertThat(owner.getNamespaceURI()).as("JAX-WS style: parameters in no namespace").isNull();
        assertThat(owner.getTextContent()).isEqualTo("张三 & <李四> \"'");
        assertThat(xml).doesNotContain("<李四>");
        assertThat(operation.getElementsByTagNameNS("", "creditCode").item(0).getTextContent()).isEqualTo("91620900MA7AAAAAA1");
    }

    @Test
    void qualifiedRequestPutsParametersInTheOperationsNamespace() throws Exception {
        Document d = read(SoapEnvelope.request(call(true, null, Map.of("creditCode", "X1"))));
        Element code = (Element) d.getElementsByTagNameNS(NS, "creditCode").item(0);
        assertThat(code).isNotNull();
        assertThat(code.getTextContent()).isEqualTo("X1");
    }

    @Test
    void parametersThatCannotBeElementsAreRefused() {
        assertThat(SoapEnvelope.isSendable("creditCode", "x")).isTrue();
        assertThat(SoapEnvelope.isSendable("a<b", "x")).isFalse();
        assertThat(SoapEnvelope.isSendable("ns:code", "x")).isFalse();
        assertThat(SoapEnvelope.isSendable("1code", "x")).isFalse();
        assertThat(SoapEnvelope.isSendable("code", "bell\u0007")).isFalse();
        assertThat(SoapEnvelope.isSendable("code", "emoji 😀 ok")).isTrue();
        assertThatThrownBy(() -> SoapEnvelope.request(call(false, null, Map.of("x y", "1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x y");
    }

    @Test
    void nestedElementsBecomeObjectsAndRepeatedOnesArrays() throws Exception {
        byte[] answer = envelope("""
                <ns:queryEstateResponse xmlns:ns="http://estate.gansu.gov.cn/ws" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                  <bdcdyh>620902001001GB00001F00010001</bdcdyh>
                  <owner><name>张三</name><idNumber>620102199001011233</idNumber></owner>
                  <mortgage>抵押一</mortgage>
                  <mortgage>抵押二</mortgage>
                  <mortgage>抵押三</mortgage>
                  <remark xsi:nil="true"/>
                  <note/>
                </ns:queryEstateResponse>""");
        var result = (SoapEnvelope.Result) SoapEnvelope.parse(answer, null);

        assertThat(result.data().path("bdcdyh").asText()).isEqualTo("620902001001GB00001F00010001");
        assertThat(result.data().path("owner").path("name").asText()).isEqualTo("张三");
        assertThat(result.data().path("mortgage").isArray()).isTrue();
        assertThat(result.data().path("mortgage")).hasSize(3);
        assertThat(result.data().path("mortgage").get(2).asText()).isEqualTo("抵押三");
        assertThat(result.data().get("remark").isNull()).isTrue();
        assertThat(result.data().path("note").asText()).isEmpty();
    }

    @Test
    void resultElementUnwrapsAJaxWsReturn() throws Exception {
        byte[] answer = envelope("<ns:queryEstateResponse xmlns:ns=\"" + NS + "\"><return><qymc>某公司</qymc></return></ns:queryEstateResponse>");
        var result = (SoapEnvelope.Result) SoapEnvelope.parse(answer, "return");
        assertThat(result.data().path("qymc").asText()).isEqualTo("某公司");
        assertThatThrownBy(() -> SoapEnvelope.parse(answer, "result"))
                .isInstanceOf(SoapEnvelope.MalformedAnswer.class).hasMessageContaining("<result>");
    }

    @Test
    void answerInTheEncodingItsDeclarationNames() throws Exception {
        // provincial systems still answer GBK; the declaration, not a guess, decides
        String xml = "<?xml version=\"1.0\" encoding=\"GBK\"?>" + new String(envelope("<r><qymc>酒泉市某某商贸有限公司</qymc></r>"),
                StandardCharsets.UTF_8);
        var result = (SoapEnvelope.Result) SoapEnvelope.parse(xml.getBytes(Charset.forName("GBK")), null);
        assertThat(result.data().path("qymc").asText()).isEqualTo("酒泉市某某商贸有限公司");
    }

    @Test
    void answerInTheCharsetItsContentTypeNamesWhenItHasNoDeclaration() {
        byte[] gbk = new String(envelope("<r xmlns=\"" + NS + "\"><qymc>酒泉市某某商贸有限公司</qymc></r>"), StandardCharsets.UTF_8)
                .getBytes(Charset.forName("GBK"));

        ConnectorOutcome declared = SoapEnvelope.outcome(200, gbk, "text/xml; charset=\"GBK\"", call(false, null, Map.of()));
        assertThat(declared.body()).isEqualTo("{\"qymc\":\"酒泉市某某商贸有限公司\"}");

        ConnectorOutcome undeclared = SoapEnvelope.outcome(200, gbk, "text/xml", call(false, null, Map.of()));
        assertThat(undeclared.status()).as("without a charset GBK bytes are no UTF-8: a provider error").isEqualTo(502);
        ConnectorOutcome unknown = SoapEnvelope.outcome(200, gbk, "text/xml; charset=no-such-charset", call(false, null, Map.of()));
        assertThat(unknown.status()).as("an unknown charset is ignored: read as UTF-8").isEqualTo(502);
    }

    @Test
    void faultKeepsCodeAndStringAndTellsWhomItBlames() throws Exception {
        byte[] server = envelope("<soap:Fault><faultcode>soap:Server</faultcode><faultstring>ORA-00942: table or view does not exist"
                + "</faultstring></soap:Fault>");
        var fault = (SoapEnvelope.Fault) SoapEnvelope.parse(server, null);
        assertThat(fault.code()).isEqualTo("soap:Server");
        assertThat(fault.string()).contains("ORA-00942");
        assertThat(fault.blamesRequest()).isFalse();
        assertThat(new SoapEnvelope.Fault("soap:Client.InvalidParameter", "x").blamesRequest()).isTrue();

        ConnectorOutcome outcome = SoapEnvelope.outcome(500, server, call(false, null, Map.of()));
        assertThat(outcome.kind()).isEqualTo(ConnectorOutcome.Kind.FAULT);
        assertThat(outcome.status()).isEqualTo(500);
        assertThat(outcome.body()).isNull();
        assertThat(outcome.detail()).contains("soap:Server").contains("ORA-00942");
        assertThat(outcome.isProviderFailure()).isTrue();
        ConnectorOutcome client = SoapEnvelope.outcome(500, envelope(
                "<soap:Fault><faultcode>soap:Client</faultcode><faultstring>bad id</faultstring></soap:Fault>"), call(false, null, Map.of()));
        assertThat(client.status()).isEqualTo(400);
        assertThat(client.isProviderFailure()).as("a bad request is not the provider failing").isFalse();
    }

    @Test
    void successBecomesAJsonBody() {
        ConnectorOutcome outcome = SoapEnvelope.outcome(200, envelope("<r xmlns=\"" + NS + "\"><qymc>某公司</qymc><n>1</n></r>"),
                call(false, null, Map.of()));
        assertThat(outcome.kind()).isEqualTo(ConnectorOutcome.Kind.ANSWERED);
        assertThat(outcome.status()).isEqualTo(200);
        assertThat(outcome.body()).isEqualTo("{\"qymc\":\"某公司\",\"n\":\"1\"}");
    }

    @Test
    void malformedOrForeignAnswersAreProviderErrors() {
        SoapCall c = call(false, null, Map.of());
        for (String bad : new String[] {"<html><body>502 Bad Gateway", "{\"not\":\"xml\"}",
                "<Envelope><Body><r/></Body></Envelope>", // no SOAP namespace
                "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"></soap:Envelope>"}) {
            ConnectorOutcome outcome = SoapEnvelope.outcome(200, bad.getBytes(StandardCharsets.UTF_8), c);
            assertThat(outcome.kind()).as(bad).isEqualTo(ConnectorOutcome.Kind.ANSWERED);
            assertThat(outcome.status()).as(bad).isEqualTo(502);
            assertThat(outcome.body()).isNull();
        }
        assertThat(SoapEnvelope.outcome(200, new byte[0], c).status()).isEqualTo(502);
        assertThat(SoapEnvelope.outcome(500, "<html>".getBytes(StandardCharsets.UTF_8), c).status()).isEqualTo(500);
        assertThat(SoapEnvelope.outcome(401, null, c).status()).as("left to the client: a new token").isEqualTo(401);
    }

    @Test
    void externalEntitiesAndDtdsAreRefused(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + new String(envelope("<r><v>&x;</v></r>"), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SoapEnvelope.parse(xxe.getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOf(SoapEnvelope.MalformedAnswer.class).hasMessageContaining("DOCTYPE");
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                + new String(envelope("<r><v>&b;</v></r>"), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SoapEnvelope.parse(bomb.getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOf(SoapEnvelope.MalformedAnswer.class);
        ConnectorOutcome outcome = SoapEnvelope.outcome(200, xxe.getBytes(StandardCharsets.UTF_8), call(false, null, Map.of()));
        assertThat(outcome.status()).isEqualTo(502);
        assertThat(String.valueOf(outcome.body()) + outcome.detail()).doesNotContain("TOP-SECRET");
    }

    @Test
    void absurdlyDeepAnswersAreRefused() {
        String deep = "<a>".repeat(SoapEnvelope.MAX_DEPTH + 5) + "x" + "</a>".repeat(SoapEnvelope.MAX_DEPTH + 5);
        assertThatThrownBy(() -> SoapEnvelope.parse(envelope("<r>" + deep + "</r>"), null))
                .isInstanceOf(SoapEnvelope.MalformedAnswer.class).hasMessageContaining("deeper");
    }
}

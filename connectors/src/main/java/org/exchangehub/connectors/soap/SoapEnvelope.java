package org.exchangehub.connectors.soap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.exchangehub.connectors.ConnectorOutcome;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Builds SOAP 1.1 request envelopes and reads answers, with no SOAP framework: the request is written as text with
 * every value escaped, the answer parsed by a namespace-aware DOM parser that refuses DTDs and external entities
 * (SOAP forbids a DTD in a message anyway, and a provider's answer must not make the hub read files or URLs).
 *
 * <p>The answer's result becomes JSON: each child element a field by its local name, an element with children a
 * nested object, a repeated element an array, {@code xsi:nil="true"} null, any other leaf its text. Attributes are
 * not carried.
 */
public final class SoapEnvelope {

    public static final String SOAP_11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;
    /** Element names the hub writes: letters, digits, '_', '.', '-', no prefix. */
    private static final Pattern ELEMENT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]{0,99}");
    /** Deeper answers are refused rather than walked recursively. */
    static final int MAX_DEPTH = 64;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DocumentBuilderFactory PARSERS = parsers();

    private SoapEnvelope() {
    }

    /** What an answer held: a result or a fault. */
    public sealed interface Answer permits Result, Fault {
    }

    /** The result's fields. */
    public record Result(ObjectNode data) implements Answer {
    }

    /** A SOAP Fault: {@code faultcode} and {@code faultstring}, for the hub's logs. */
    public record Fault(String code, String string) implements Answer {

        /** SOAP 1.1: a Client fault blames the request, anything else (Server, custom codes) the service. */
        public boolean blamesRequest() {
            String local = code == null ? "" : code.substring(code.indexOf(':') + 1);
            return local.equals("Client") || local.startsWith("Client.");
        }
    }

    /** The answer is not a SOAP 1.1 envelope the hub can read. */
    public static final class MalformedAnswer extends Exception {
        public MalformedAnswer(String message) {
            super(message, null, false, false);
        }
    }

    /** Whether a parameter can travel as an element: a plain element name, and a value XML 1.0 can carry. */
    public static boolean isSendable(String name, String value) {
        return ELEMENT_NAME.matcher(name).matches() && (value == null || value.codePoints().allMatch(SoapEnvelope::isXmlChar));
    }

    /** The request envelope; throws IllegalArgumentException for a parameter {@link #isSendable} refuses. */
    public static String request(SoapCall call) {
        if (!ELEMENT_NAME.matcher(call.element()).matches()) {
            throw new IllegalArgumentException("'" + call.element() + "' is not a plain element name");
        }
        StringBuilder xml = new StringBuilder(256)
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .append("<soapenv:Envelope xmlns:soapenv=\"").append(SOAP_11).append("\"><soapenv:Header/><soapenv:Body>");
        // qualified: a default namespace puts the parameters in it too; unqualified: a prefix keeps them in none
        String operation = call.qualified() ? call.element() : "op:" + call.element();
        xml.append('<').append(operation).append(call.qualified() ? " xmlns=\"" : " xmlns:op=\"").append(escape(call.namespace())).append("\">");
        for (Map.Entry<String, String> p : call.parameters().entrySet()) {
            if (!isSendable(p.getKey(), p.getValue())) {
                throw new IllegalArgumentException("parameter '" + p.getKey() + "' cannot be sent as an XML element");
            }
            xml.append('<').append(p.getKey()).append('>').append(escape(p.getValue() == null ? "" : p.getValue()))
                    .append("</").append(p.getKey()).append('>');
        }
        return xml.append("</").append(operation).append("></soapenv:Body></soapenv:Envelope>").toString();
    }

    /** The route's outcome for an HTTP answer: a result as a JSON body, a fault, or what went wrong. */
    public static ConnectorOutcome outcome(int status, byte[] body, SoapCall call) {
        return outcome(status, body, null, call);
    }

    /**
     * As {@link #outcome(int, byte[], SoapCall)}, the body in the charset its Content-Type names (RFC 7303: the media
     * type's charset wins over the XML declaration; provincial services answer GBK with no declaration at all).
     */
    public static ConnectorOutcome outcome(int status, byte[] body, String contentType, SoapCall call) {
        if (status != 200 && status != 500) {
            // not a SOAP answer (SOAP 1.1 answers 200, faults 500): 401 lets the client renew its token, 404 is a wrong endpoint
            return new ConnectorOutcome(ConnectorOutcome.Kind.ANSWERED, status, null, "HTTP " + status);
        }
        Answer answer;
        try {
            answer = parse(body, charsetOf(contentType), call.resultElement());
        } catch (MalformedAnswer e) {
            // a 500 that is no envelope is the service failing; a 200 that is none is an answer the hub cannot use
            return new ConnectorOutcome(ConnectorOutcome.Kind.ANSWERED, status == 500 ? 500 : 502, null, e.getMessage());
        }
        return switch (answer) {
            case Fault f -> new ConnectorOutcome(ConnectorOutcome.Kind.FAULT, f.blamesRequest() ? 400 : 500, null,
                    "SOAP Fault " + f.code() + ": " + f.string());
            case Result r when status == 200 -> new ConnectorOutcome(ConnectorOutcome.Kind.ANSWERED, 200, write(r.data()), null);
            case Result r -> new ConnectorOutcome(ConnectorOutcome.Kind.ANSWERED, 500, null, "HTTP 500 without a SOAP Fault");
        };
    }

    /** The charset a Content-Type names, or null when it names none (or one the JDK does not know). */
    static java.nio.charset.Charset charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]+)").matcher(contentType);
        if (!m.find()) {
            return null;
        }
        try {
            return java.nio.charset.Charset.forName(m.group(1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Reads an answer envelope; {@code resultElement} as in {@link SoapCall#resultElement()}. */
    public static Answer parse(byte[] xml, String resultElement) throws MalformedAnswer {
        return parse(xml, null, resultElement);
    }

    /** Reads an answer envelope in {@code charset} (null: as the XML declares, else UTF-8). */
    public static Answer parse(byte[] xml, java.nio.charset.Charset charset, String resultElement) throws MalformedAnswer {
        if (xml == null || xml.length == 0) {
            throw new MalformedAnswer("empty answer");
        }
        Document document;
        try {
            DocumentBuilder parser;
            synchronized (PARSERS) { // a factory is not promised to be thread-safe; its builders are used by one thread each
                parser = PARSERS.newDocumentBuilder();
            }
            parser.setErrorHandler(SILENT); // errors become MalformedAnswer, not lines on stderr
            document = charset == null ? parser.parse(new ByteArrayInputStream(xml))
                    : parser.parse(new org.xml.sax.InputSource(new java.io.StringReader(new String(xml, charset))));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        } catch (SAXParseException e) {
            throw new MalformedAnswer("malformed XML at line " + e.getLineNumber() + ": " + e.getMessage());
        } catch (Exception e) {
            throw new MalformedAnswer("unreadable XML: " + e.getClass().getSimpleName());
        }
        Element envelope = document.getDocumentElement();
        if (!is(envelope, SOAP_11, "Envelope")) {
            throw new MalformedAnswer("not a SOAP 1.1 envelope: <" + envelope.getLocalName() + "> in " + envelope.getNamespaceURI());
        }
        Element body = children(envelope).stream().filter(e -> is(e, SOAP_11, "Body")).findFirst()
                .orElseThrow(() -> new MalformedAnswer("no soap:Body"));
        List<Element> content = children(body);
        if (content.isEmpty()) {
            throw new MalformedAnswer("empty soap:Body");
        }
        Element response = content.get(0);
        if (is(response, SOAP_11, "Fault")) {
            return new Fault(text(response, "faultcode"), text(response, "faultstring"));
        }
        Element result = response;
        if (resultElement != null && !resultElement.isBlank()) {
            result = children(response).stream().filter(e -> resultElement.equals(e.getLocalName())).findFirst()
                    .orElseThrow(() -> new MalformedAnswer("no <" + resultElement + "> in <" + response.getLocalName() + ">"));
        }
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        fill(data, result, 1);
        return new Result(data);
    }

    private static void fill(ObjectNode object, Element parent, int depth) throws MalformedAnswer {
        for (Element child : children(parent)) {
            JsonNode value = value(child, depth + 1);
            String name = child.getLocalName();
            JsonNode existing = object.get(name);
            if (existing == null) {
                object.set(name, value);
            } else if (existing.isArray()) {
                ((ArrayNode) existing).add(value); // only repetition makes arrays
            } else {
                ArrayNode repeated = object.arrayNode();
                repeated.add(existing);
                repeated.add(value);
                object.set(name, repeated);
            }
        }
    }

    private static JsonNode value(Element element, int depth) throws MalformedAnswer {
        if (depth > MAX_DEPTH) {
            throw new MalformedAnswer("nested deeper than " + MAX_DEPTH + " elements");
        }
        if ("true".equals(element.getAttributeNS(XSI, "nil")) || "1".equals(element.getAttributeNS(XSI, "nil"))) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (children(element).isEmpty()) {
            return JsonNodeFactory.instance.textNode(element.getTextContent());
        }
        ObjectNode nested = JsonNodeFactory.instance.objectNode();
        fill(nested, element, depth);
        return nested;
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                elements.add(e);
            }
        }
        return elements;
    }

    private static boolean is(Element e, String namespace, String localName) {
        return namespace.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName());
    }

    /** A fault's child by local name (SOAP 1.1 leaves them unqualified; some services qualify them). */
    private static String text(Element fault, String localName) {
        return children(fault).stream().filter(e -> localName.equals(e.getLocalName())).findFirst()
                .map(e -> e.getTextContent().strip()).orElse(null);
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\r' -> out.append("&#13;"); // a raw CR would be normalised away by the provider's parser
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isXmlChar(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    private static String write(ObjectNode data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXParseException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
            throw e;
        }
    };

    private static DocumentBuilderFactory parsers() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        try {
            // no DOCTYPE at all: this alone stops external entities and entity expansion bombs
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be made safe", e);
        }
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f;
    }
}

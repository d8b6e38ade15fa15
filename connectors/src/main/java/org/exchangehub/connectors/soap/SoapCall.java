package org.exchangehub.connectors.soap;

import java.util.Map;

/**
 * A SOAP 1.1 operation call (document/literal): the operation element, in its namespace, carries one child element
 * per parameter.
 *
 * @param soapAction    the SOAPAction header's value; empty when the service wants none
 * @param element       the operation element's local name, e.g. {@code queryEstate}
 * @param qualified     whether the parameter elements are in the namespace too ({@code elementFormDefault="qualified"},
 *                      usual for .NET services) or in none (JAX-WS's default)
 * @param resultElement the child of the response element whose children are the result, e.g. {@code return}; null
 *                      when they are the response element's own children
 * @param parameters    parameter name → value, in order
 */
public record SoapCall(String namespace, String soapAction, String element, boolean qualified, String resultElement,
                       Map<String, String> parameters) {

    /** Exchange property carrying the call into the route. */
    public static final String PROPERTY = "hub.soapCall";

    /** Parameter values may be personal data: names only. */
    @Override
    public String toString() {
        return "SoapCall[namespace=" + namespace + ", element=" + element + ", parameters=" + parameters.keySet() + "]";
    }
}

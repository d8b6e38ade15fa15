package org.exchangehub.connectors;

/** A connector route failed in a way it could not report as an outcome: a fault of the hub, not of the provider. */
public class ConnectorException extends RuntimeException {

    public ConnectorException(String message) {
        super(message);
    }
}

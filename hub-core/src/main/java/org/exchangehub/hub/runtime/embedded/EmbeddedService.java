package org.exchangehub.hub.runtime.embedded;

/** A service the hub runs itself: the embedded PostgreSQL or the in-process Kafka broker. */
public interface EmbeddedService extends AutoCloseable {

    /** How clients reach it: a JDBC URL without credentials, or Kafka bootstrap servers. */
    String endpoint();

    /** Whether this start created its storage (initdb, Kafka format) rather than reusing it. */
    boolean createdStorage();

    /** Stops it cleanly, keeping its data; a second call does nothing. */
    @Override
    void close();
}

package org.exchangehub.returnflow.source;

/** How a source delivers its case records to the hub. */
public enum Channel {
    /** JSON messages on a Kafka topic, keyed by case number */
    KAFKA,
    /** JSON arrays posted to the hub's HTTP batch endpoint */
    HTTP,
    /** rows of the source's own database, read incrementally by a watermark */
    DATABASE,
    /** CSV (UTF-8 or GBK) or JSON files dropped into a directory */
    FILE
}

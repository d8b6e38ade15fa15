package org.exchangehub.returnflow.record;

import java.util.Map;

/**
 * One record as a channel received it.
 *
 * @param raw        the record as sent (the Kafka message, the JSON element, the CSV line), kept with failures
 * @param payload    what the mapper reads: a Jackson {@code JsonNode} or a {@code Map} (a row); null when unreadable
 * @param unreadable why the record could not be read (not JSON, not an object); null when it could
 * @param origin     where it came from (channel, topic/partition/offset, file and line, batch index)
 */
public record IncomingRecord(String raw, Object payload, String unreadable, Map<String, Object> origin) {

    public static IncomingRecord of(String raw, Object payload, Map<String, Object> origin) {
        return new IncomingRecord(raw, payload, null, origin);
    }

    public static IncomingRecord unreadable(String raw, String why, Map<String, Object> origin) {
        return new IncomingRecord(raw == null ? "" : raw, null, why, origin);
    }
}

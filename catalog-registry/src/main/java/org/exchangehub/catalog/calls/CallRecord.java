package org.exchangehub.catalog.calls;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One call through the gateway, as logged on Kafka topic {@code hub.calls}.
 *
 * @param grantId   null when the call was refused before a grant was found
 * @param errorCode the hub's error code when the call failed, else null
 */
public record CallRecord(UUID callId, OffsetDateTime occurredAt, String consumerSystemId, String resourceCode, String operation,
                         Long grantId, int httpStatus, String errorCode, int latencyMs, int responseBytes) {
}

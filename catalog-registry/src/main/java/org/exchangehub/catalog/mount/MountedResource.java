package org.exchangehub.catalog.mount;

import java.time.OffsetDateTime;
import java.util.Map;

/** A resource mounted under a catalogue entry, with its health. */
public record MountedResource(long id, String resourceCode, MountKind kind, String connectorId, String operation,
                              String datasourceId, String tableName, Map<String, String> columnMapping, String location,
                              String filePattern, MountHealth health, String healthDetail, OffsetDateTime healthCheckedAt,
                              String createdBy, OffsetDateTime createdAt) {
}

package org.exchangehub.catalog.mount;

import java.util.Map;

/**
 * A resource to mount under an entry, as sent by a data officer.
 * {@code API}: connectorId and operation. {@code TABLE}: datasourceId, tableName (schema.table) and
 * columnMapping (column → data item name or code). {@code FILE}: location and filePattern.
 */
public record MountRequest(String kind, String connectorId, String operation, String datasourceId, String tableName,
                           Map<String, String> columnMapping, String location, String filePattern) {
}

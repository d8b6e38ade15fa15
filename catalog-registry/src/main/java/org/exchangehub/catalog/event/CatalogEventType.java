package org.exchangehub.catalog.event;

/** Every state change of the directory that other nodes and modules may react to. */
public enum CatalogEventType {
    ENTRY_CREATED, ENTRY_UPDATED, ENTRY_SUBMITTED, ENTRY_PUBLISHED, ENTRY_REJECTED, ENTRY_RETIRED,
    RESOURCE_MOUNTED, RESOURCE_UNMOUNTED, MOUNT_HEALTH_CHANGED,
    DEPARTMENTS_IMPORTED, SERVICE_ITEMS_IMPORTED
}

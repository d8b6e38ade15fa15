package org.exchangehub.catalog.item;

/** A government service item (政务服务事项) with its item code and the department that provides it. */
public record ServiceItem(String itemCode, String name, ServiceItemCategory category, String departmentCode) {
}

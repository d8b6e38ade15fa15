package org.exchangehub.catalog.department;

/** A government department: its unified social credit code, name and region code. */
public record Department(String code, String name, String regionCode) {
}

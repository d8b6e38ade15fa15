package org.exchangehub.catalog.grant;

/**
 * A system that consumes shared data through the hub.
 *
 * @param clientId       its OAuth2 client id: tokens whose {@code azp} is this act for this system
 * @param departmentCode the department that runs it, if a government department does
 */
public record ConsumerSystem(String id, String name, String departmentCode, String clientId) implements java.io.Serializable {
}

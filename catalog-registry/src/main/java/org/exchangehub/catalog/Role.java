package org.exchangehub.catalog;

import java.util.Arrays;
import java.util.Optional;

/** The roles of the hub, as they appear in tokens (realm roles in Keycloak). */
public enum Role {
    /** catalogues and mounts the resources of their own department */
    DEPT_EDITOR("dept-editor"),
    /** reviews submitted entries at the data bureau */
    REVIEWER("reviewer"),
    /** runs the hub: reference data, any department */
    ADMIN("admin"),
    /** a consuming system or user: reads published entries */
    CONSUMER("consumer");

    private final String tokenName;

    Role(String tokenName) {
        this.tokenName = tokenName;
    }

    public String tokenName() {
        return tokenName;
    }

    public static Optional<Role> fromTokenName(String name) {
        return Arrays.stream(values()).filter(r -> r.tokenName.equals(name)).findFirst();
    }
}

package org.exchangehub.catalog;

import java.util.Objects;
import java.util.Set;

/**
 * Who performs a registry operation: the authenticated user or system, their roles, for department users the
 * department (unified social credit code) they act for, and the OAuth2 client the token was issued to (for a
 * consuming system calling with client credentials, its client id).
 */
public record Actor(String username, Set<Role> roles, String departmentCode, String clientId) {

    public Actor {
        Objects.requireNonNull(username, "username");
        roles = Set.copyOf(roles);
    }

    public Actor(String username, Set<Role> roles, String departmentCode) {
        this(username, roles, departmentCode, null);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }

    /** May this actor edit entries of the given department? Admins may edit any; editors only their own. */
    public boolean mayEditFor(String department) {
        return isAdmin() || (has(Role.DEPT_EDITOR) && department != null && department.equals(departmentCode));
    }

    /** May this actor see unpublished versions of the given department's entries? */
    public boolean maySeeUnpublishedOf(String department) {
        return isAdmin() || has(Role.REVIEWER) || mayEditFor(department);
    }
}

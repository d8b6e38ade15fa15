package org.exchangehub.hub.sso;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who the portal session belongs to, from the ID and access tokens Keycloak gave the hub.
 *
 * @param subject Keycloak's user id ({@code sub})
 * @param sessionId Keycloak's session id ({@code sid}), what back-channel logout names
 * @param username {@code preferred_username}
 * @param name full name
 * @param email e-mail address
 * @param departmentCode {@code department_code}, for civil servants
 * @param idNumber the resident ID number ({@code id_number}, ID token only)
 * @param roles realm roles
 */
public record SsoIdentity(String subject, String sessionId, String username, String name, String email,
                          String departmentCode, String idNumber, List<String> roles) implements Serializable {

    public SsoIdentity {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** The attributes a legacy system is granted, masked as its registration says; others are left out. */
    public Map<String, Object> attributesFor(ConnectedSystem system) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("subject", subject);
        all.put("username", username);
        all.put("name", name);
        all.put("email", email);
        all.put("department_code", departmentCode);
        all.put("id_number", idNumber);
        all.put("roles", roles);
        Map<String, Object> granted = new LinkedHashMap<>();
        system.attributes().forEach((attribute, exposure) -> {
            Object value = all.get(attribute);
            if (value == null) {
                return;
            }
            granted.put(attribute, exposure == ConnectedSystem.Exposure.MASKED ? AttributeMasking.mask(attribute, value) : value);
        });
        return granted;
    }

    /** Never with the ID number. */
    @Override
    public String toString() {
        return "SsoIdentity[" + username + ", sid=" + sessionId + "]";
    }
}

package org.exchangehub.hub.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.exchangehub.catalog.Role;

/**
 * {@code ./hub token USERNAME ROLES [DEPARTMENT_CODE]}: prints a token signed with the hub's local development
 * key, for trying the API with curl when no Keycloak is configured. ROLES is comma-separated
 * (dept-editor, reviewer, admin, consumer). The token is valid for 8 hours.
 */
public final class DevTokenCli {

    private DevTokenCli() {
    }

    public static void main(String[] args) {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: ./hub token USERNAME ROLES [DEPARTMENT_CODE]");
            System.err.println("  ROLES: comma-separated, from " + Arrays.stream(Role.values()).map(Role::tokenName).toList());
            System.err.println("  e.g. ./hub token zhang.san dept-editor 11620900MB0000000X");
            System.exit(2);
        }
        List<String> roles = Arrays.stream(args[1].split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (String r : roles) {
            if (Role.fromTokenName(r).isEmpty()) {
                System.err.println("unknown role '" + r + "'; expected one of "
                        + Arrays.stream(Role.values()).map(Role::tokenName).toList());
                System.exit(2);
            }
        }
        String dataDir = System.getenv().getOrDefault("HUB_DATA_DIR", "./data");
        LocalSigningKey key = LocalSigningKey.inDataDir(Path.of(dataDir));
        System.out.println(key.issue(args[0], roles, args.length == 3 ? args[2] : null, Duration.ofHours(8)));
    }
}

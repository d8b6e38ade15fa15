package org.exchangehub.hub.sso;

import java.io.Serializable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A department system users open from the portal through the hub.
 *
 * @param id the hub's id of it ({@code /sso/launch/{id}})
 * @param kind {@link Kind#OIDC} or {@link Kind#LEGACY}
 * @param name display name
 * @param audience OIDC: its client id in the realm; tokens handed to it carry this audience and no other
 * @param launchUrls where users may be sent: scheme, host and port must match exactly, the path by prefix
 * @param ticketCallback LEGACY: where a user lands with the one-time ticket
 * @param secretHash LEGACY: SHA-256 (hex) of the secret it redeems tickets with; the secret itself is not kept
 * @param attributes LEGACY: identity attributes it is granted and whether each comes masked
 * @param logoutUrl where the hub tells it a user's session ended (optional)
 * @param source where it was registered: configuration or the API
 */
public record ConnectedSystem(String id, Kind kind, String name, String audience, List<URI> launchUrls,
                              URI ticketCallback, String secretHash, Map<String, Exposure> attributes, URI logoutUrl,
                              Source source) implements Serializable {

    /** How a system takes a user over. */
    public enum Kind {
        /** speaks OpenID Connect: gets an access token exchanged for its audience (RFC 8693) */
        OIDC,
        /** does not: gets a one-time ticket it redeems at the hub, server to server */
        LEGACY
    }

    /** How an identity attribute reaches a legacy system. */
    public enum Exposure {
        PLAIN, MASKED
    }

    public enum Source {
        CONFIGURATION, API
    }

    /** The identity attributes a legacy system can be granted. */
    public static final List<String> ATTRIBUTES = List.of("subject", "username", "name", "email", "department_code",
            "id_number", "roles");

    public ConnectedSystem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        launchUrls = List.copyOf(launchUrls == null ? List.of() : launchUrls);
        attributes = attributes == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(attributes));
    }

    /** Checks the registration; returns what is wrong, or an empty list. */
    public List<String> problems() {
        java.util.ArrayList<String> problems = new java.util.ArrayList<>();
        if (!id.matches("[a-z0-9][a-z0-9-]{1,62}")) {
            problems.add("id: lower-case letters, digits and '-', 2 to 63 characters");
        }
        if (launchUrls.isEmpty()) {
            problems.add("launchUrls: at least one");
        }
        for (URI url : launchUrls) {
            if (!isHttpUrl(url)) {
                problems.add("launchUrls: " + url + " is not an absolute http(s) URL without query or fragment");
            }
        }
        if (kind == Kind.OIDC && (audience == null || audience.isBlank())) {
            problems.add("audience: the system's client id in the realm is required for an OIDC system");
        }
        if (kind == Kind.LEGACY) {
            if (ticketCallback == null || !isHttpUrl(ticketCallback)) {
                problems.add("ticketCallback: an absolute http(s) URL is required for a legacy system");
            } else if (!allows(ticketCallback)) {
                problems.add("ticketCallback: must lie under one of the launch URLs");
            }
            if (secretHash == null) {
                problems.add("secret: a legacy system redeems tickets with a secret");
            }
            attributes.keySet().stream().filter(a -> !ATTRIBUTES.contains(a))
                    .forEach(a -> problems.add("attributes: unknown attribute " + a + " (known: " + ATTRIBUTES + ")"));
        }
        if (logoutUrl != null && !isHttpUrl(logoutUrl)) {
            problems.add("logoutUrl: not an absolute http(s) URL");
        }
        return problems;
    }

    private static boolean isHttpUrl(URI url) {
        return url.isAbsolute() && ("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
                && url.getHost() != null && url.getRawQuery() == null && url.getRawFragment() == null
                && url.getRawUserInfo() == null;
    }

    /**
     * Whether the hub may send a user to {@code target}: same scheme, host and port as a registered launch URL, and a
     * path equal to its path or below it (at a '/' boundary). No user info, no fragment; a query is allowed.
     */
    public boolean allows(URI target) {
        if (target == null || !target.isAbsolute() || target.getRawUserInfo() != null || target.getRawFragment() != null
                || target.getHost() == null) {
            return false;
        }
        String path = normalisedPath(target);
        if (path == null) {
            return false;
        }
        for (URI allowed : launchUrls) {
            if (allowed.getScheme().equalsIgnoreCase(target.getScheme())
                    && allowed.getHost().equalsIgnoreCase(target.getHost())
                    && port(allowed) == port(target)) {
                String prefix = normalisedPath(allowed);
                if (prefix != null && (path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String normalisedPath(URI uri) {
        String raw = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        // encoded dots or slashes could walk out of the prefix once decoded by the target: refuse them
        String lower = raw.toLowerCase(Locale.ROOT);
        if (lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c") || raw.contains("\\")) {
            return null;
        }
        String normal = URI.create(raw).normalize().getPath();
        return normal.startsWith("/..") || normal.contains("/../") ? null : normal;
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    public URI defaultLaunchUrl() {
        return launchUrls.getFirst();
    }

    /** Constant-time comparison of a presented secret with the registered one. */
    public boolean secretMatches(String presented) {
        if (secretHash == null || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(HexFormat.of().parseHex(secretHash), sha256(presented));
    }

    static String hash(String secret) {
        return HexFormat.of().formatHex(sha256(secret));
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Without the secret's hash. */
    @Override
    public String toString() {
        return "ConnectedSystem[" + id + ", " + kind + ", audience=" + audience + ", launchUrls=" + launchUrls + "]";
    }
}

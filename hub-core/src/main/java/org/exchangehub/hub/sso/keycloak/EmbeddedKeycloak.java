package org.exchangehub.hub.sso.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * A real Keycloak run from its server distribution (the {@code keycloak-quarkus-dist} zip from Maven Central) as a
 * child process on 127.0.0.1, in development mode with the realms kept in the repository
 * ({@code classpath:keycloak/*-realm.json}).
 *
 * <ul>
 * <li>The zip is unpacked once into {@code home} and stays there: Keycloak's first start builds itself (about a minute),
 * later starts take about 12 s. A file lock keeps two processes from unpacking into one home at once.</li>
 * <li>Every start imports the realms afresh into an in-memory database, so the realm always matches the repository
 * (changes made in its admin console last until the hub stops); secrets of the hub's client and the national broker are new each start and
 * the rendered realm files are deleted once Keycloak has read them.</li>
 * <li>One Keycloak per JVM and home ({@link #start}); a JVM shutdown hook stops it. A Keycloak left running by a hub
 * that was killed is found by its pid file and stopped before the next start.</li>
 * </ul>
 */
public final class EmbeddedKeycloak implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKeycloak.class);

    static final List<String> REALM_FILES = List.of("exchange-hub-realm.json", "national-idp-realm.json");
    private static final String MARKER = ".hub-unpacked";
    private static final String PID_FILE = "hub-keycloak.pid";
    static final String LOG_FILE = "hub-keycloak.log";
    private static final Pattern PLACEHOLDER = Pattern.compile("@@([A-Z_]+)@@");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Running Keycloaks by home; guarded by the class. */
    private static final Map<Path, EmbeddedKeycloak> RUNNING = new HashMap<>();

    /**
     * What to run.
     *
     * @param home where the distribution is unpacked and built
     * @param distribution the distribution zip
     * @param version its version (the zip's top directory is {@code keycloak-<version>})
     * @param port the HTTP port; 0 picks a free one
     * @param hubUrl the hub's own URL (redirect and back-channel logout URLs of its client)
     * @param realm the realm the hub uses
     */
    public record Settings(Path home, Path distribution, String version, int port, String hubUrl, String realm) {

        public Settings {
            home = home.toAbsolutePath().normalize();
            distribution = distribution.toAbsolutePath().normalize();
        }
    }

    private final Settings settings;
    private final int port;
    private final String clientSecret;
    private final Process process;
    private final long startedAt = System.nanoTime();
    private volatile boolean ready;
    private volatile boolean closed;

    private EmbeddedKeycloak(Settings settings, int port, String clientSecret, Process process) {
        this.settings = settings;
        this.port = port;
        this.clientSecret = clientSecret;
        this.process = process;
    }

    /** The Keycloak running in this JVM, if any. */
    public static synchronized Optional<EmbeddedKeycloak> running() {
        return RUNNING.values().stream().filter(k -> !k.closed).findFirst();
    }

    /**
     * Starts Keycloak on {@code settings.home()} unless it already runs in this JVM, and returns at once: wait for it
     * with {@link #awaitReady}.
     */
    public static synchronized EmbeddedKeycloak start(Settings settings) throws IOException {
        EmbeddedKeycloak existing = RUNNING.get(settings.home());
        if (existing != null && !existing.closed && existing.process.isAlive()) {
            if (!existing.settings.hubUrl().equals(settings.hubUrl())) {
                log.warn("Keycloak in {} already runs for the hub at {}; a hub at {} shares it (its redirect URLs are "
                        + "registered for the first)", settings.home(), existing.settings.hubUrl(), settings.hubUrl());
            }
            return existing;
        }
        Path home = settings.home();
        unpack(settings);
        stopOrphan(home);
        int port = settings.port() == 0 ? freePort() : settings.port();
        String clientSecret = randomSecret();
        writeRealms(settings, port, clientSecret);
        FileSystemUtils.deleteRecursively(home.resolve("data").resolve("h2")); // from a file database, if one was used

        String baseUrl = "http://127.0.0.1:" + port;
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--hostname=" + baseUrl, "--import-realm",
                // the realms are imported afresh at every start anyway: an in-memory database spares every token
                // exchange its session writes to disk (a build option: changing it costs one rebuild)
                "--db=dev-mem",
                "--health-enabled=false", "--metrics-enabled=false"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve(LOG_FILE).toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", randomSecret());
        env.remove("JAVA_OPTS");
        env.remove("JAVA_TOOL_OPTIONS"); // a test runner's agent options are not Keycloak's business
        Process process = builder.start();
        Files.writeString(home.resolve(PID_FILE), Long.toString(process.pid()));
        EmbeddedKeycloak keycloak = new EmbeddedKeycloak(settings, port, clientSecret, process);
        RUNNING.put(home, keycloak);
        Thread hook = new Thread(keycloak::close, "hub-keycloak-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        log.info("Keycloak starting from {} on {} (log: {})", home, baseUrl, home.resolve(LOG_FILE));
        return keycloak;
    }

    /** Its base URL, {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The URL of the hub's realm, the issuer of its tokens. */
    public String issuer() {
        return baseUrl() + "/realms/" + settings.realm();
    }

    /** The secret of the hub's client in this start's realm. */
    public String clientSecret() {
        return clientSecret;
    }

    public Settings settings() {
        return settings;
    }

    public boolean isReady() {
        return ready && !closed && process.isAlive();
    }

    /**
     * Waits until every realm answers its OpenID configuration, at most {@code timeout}; then deletes the rendered
     * realm files (they hold this start's secrets).
     *
     * @throws KeycloakStartException when it exits or does not answer in time, with the end of its log
     */
    public void awaitReady(Duration timeout) {
        if (ready) {
            return;
        }
        synchronized (this) {
            if (ready) {
                return;
            }
            try {
                poll(timeout);
            } catch (KeycloakStartException e) {
                deleteRenderedRealms(); // they hold this start's secrets
                throw e;
            }
            ready = true;
            deleteRenderedRealms();
            log.info("Keycloak ready at {} after {} ms", baseUrl(), (System.nanoTime() - startedAt) / 1_000_000);
        }
    }

    private void poll(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> realms = List.of(settings.realm(), "national-idp");
        int answered = 0;
        while (answered < realms.size()) {
            if (!process.isAlive()) {
                throw new KeycloakStartException("Keycloak exited with status " + process.exitValue()
                        + " before it was ready. " + logTail());
            }
            if (System.nanoTime() > deadline) {
                throw new KeycloakStartException("Keycloak did not answer within " + timeout.toSeconds() + " s at "
                        + baseUrl() + " (its first start builds it and takes about a minute; set"
                        + " hub.sso.keycloak.start-timeout / HUB_KEYCLOAK_START_TIMEOUT for a slower machine). "
                        + logTail());
            }
            if (answers(http, baseUrl() + "/realms/" + realms.get(answered) + "/.well-known/openid-configuration")) {
                answered++;
                continue;
            }
            try {
                process.waitFor(250, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KeycloakStartException("Interrupted while waiting for Keycloak");
            }
        }
    }

    private static boolean answers(HttpClient http, String url) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The last lines of Keycloak's log, for error messages. */
    String logTail() {
        Path file = settings.home().resolve(LOG_FILE);
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String> tail = lines.subList(Math.max(0, lines.size() - 15), lines.size());
            return "Its log " + file + " ends with:\n  " + String.join("\n  ", tail);
        } catch (IOException | UncheckedIOException e) {
            return "See its log " + file + ".";
        }
    }

    /** Stops Keycloak (TERM, then KILL after 20 s); a second call does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        synchronized (EmbeddedKeycloak.class) {
            RUNNING.remove(settings.home(), this);
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                children.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            children.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        try {
            Files.deleteIfExists(settings.home().resolve(PID_FILE));
        } catch (IOException e) {
            log.debug("Could not delete the pid file", e);
        }
        deleteRenderedRealms();
        log.info("Keycloak on {} stopped", baseUrl());
    }

    @Override
    public String toString() {
        return "Keycloak " + settings.version() + " at " + baseUrl() + " from " + settings.home();
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Unpacks the distribution into home unless this version already is there; a file lock serialises processes. */
    static void unpack(Settings settings) throws IOException {
        Path home = settings.home();
        Files.createDirectories(home.getParent());
        Path lockFile = home.resolveSibling(home.getFileName() + ".lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            Path marker = home.resolve(MARKER);
            if (Files.exists(marker) && Files.readString(marker).trim().equals(settings.version())) {
                return;
            }
            if (!Files.isRegularFile(settings.distribution())) {
                throw new KeycloakStartException("Keycloak's server distribution is not at " + settings.distribution()
                        + ". Build the hub once (./hub build, or ./mvnw -B -DskipTests package: Maven fetches"
                        + " org.keycloak:keycloak-quarkus-dist:" + settings.version() + ":zip into"
                        + " hub-core/target/keycloak-dist), point HUB_KEYCLOAK_DISTRIBUTION at the zip, or configure an"
                        + " external Keycloak with HUB_OIDC_ISSUER (or turn single sign-on off: HUB_KEYCLOAK=false).");
            }
            long begin = System.nanoTime();
            FileSystemUtils.deleteRecursively(home);
            Path staging = home.resolveSibling(home.getFileName() + ".unpacking");
            FileSystemUtils.deleteRecursively(staging);
            String top = "keycloak-" + settings.version() + "/";
            try (ZipFile zip = new ZipFile(settings.distribution().toFile())) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    String name = entry.getName().startsWith(top) ? entry.getName().substring(top.length()) : entry.getName();
                    if (name.isEmpty()) {
                        continue;
                    }
                    Path target = staging.resolve(name).normalize();
                    if (!target.startsWith(staging)) {
                        throw new IOException("Refusing zip entry outside the target directory: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        try (InputStream in = zip.getInputStream(entry)) {
                            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            }
            try (var scripts = Files.list(staging.resolve("bin"))) {
                for (Path script : scripts.filter(p -> p.toString().endsWith(".sh")).toList()) {
                    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
            Files.writeString(staging.resolve(MARKER), settings.version());
            Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
            log.info("Unpacked Keycloak {} into {} in {} ms", settings.version(), home, (System.nanoTime() - begin) / 1_000_000);
        }
    }

    /** Stops a Keycloak this home's pid file names, left behind by a hub that did not stop cleanly. */
    private static void stopOrphan(Path home) throws IOException {
        Path pidFile = home.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            Optional<ProcessHandle> handle = ProcessHandle.of(pid);
            if (handle.isPresent() && handle.get().isAlive() && handle.get().info().commandLine()
                    .map(c -> c.contains("kc.sh")).orElse(false)) {
                log.warn("Stopping a Keycloak (pid {}) left running in {}", pid, home);
                List<ProcessHandle> children = handle.get().descendants().toList();
                handle.get().destroy();
                children.forEach(ProcessHandle::destroy);
                handle.get().onExit().get(20, TimeUnit.SECONDS);
                for (ProcessHandle child : children) {
                    child.onExit().get(20, TimeUnit.SECONDS);
                }
            }
        } catch (NumberFormatException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            log.warn("Could not stop the Keycloak named in {}: {}", pidFile, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(pidFile);
    }

    /** Renders the realm templates into {@code home/data/import} (owner-only: they hold secrets). */
    static void writeRealms(Settings settings, int port, String clientSecret) throws IOException {
        Path importDir = settings.home().resolve("data").resolve("import");
        FileSystemUtils.deleteRecursively(importDir);
        Files.createDirectories(importDir);
        Map<String, String> values = Map.of(
                "HUB_URL", trimSlash(settings.hubUrl()),
                "HUB_URL_LOCALHOST", trimSlash(settings.hubUrl()).replace("://127.0.0.1", "://localhost"),
                "HUB_CLIENT_SECRET", clientSecret,
                "KEYCLOAK_URL", "http://127.0.0.1:" + port,
                "NATIONAL_BROKER_SECRET", randomSecret());
        for (String name : REALM_FILES) {
            String template;
            try (InputStream in = EmbeddedKeycloak.class.getResourceAsStream("/keycloak/" + name)) {
                if (in == null) {
                    throw new IOException("classpath:keycloak/" + name + " is missing");
                }
                template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Path file = importDir.resolve(name);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, render(template, values));
        }
    }

    /** Replaces {@code @@NAME@@}; {@code @@RANDOM_SECRET@@} becomes a new random secret at each occurrence. */
    static String render(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = "RANDOM_SECRET".equals(name) ? randomSecret() : values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("No value for @@" + name + "@@ in a realm template");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private void deleteRenderedRealms() {
        FileSystemUtils.deleteRecursively(settings.home().resolve("data").resolve("import").toFile());
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static String randomSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

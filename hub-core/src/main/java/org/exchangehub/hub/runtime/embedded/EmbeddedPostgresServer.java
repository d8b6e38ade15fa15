package org.exchangehub.hub.runtime.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 (zonky's binaries) whose cluster lives in a directory kept across restarts. The server listens
 * on 127.0.0.1 (a free port each start) and on a unix socket inside the data directory; {@code initdb} runs only when
 * the directory holds no cluster yet. A role and a database for the application are created if missing; local
 * connections are trusted (initdb {@code -A trust}), so no password.
 */
public final class EmbeddedPostgresServer implements EmbeddedService {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    /** The database the hub uses. */
    public static final String DATABASE = "hub";

    /** Unix sockets have a path limit of 107 bytes on Linux; ".s.PGSQL.65535.lock" takes 20 of them. */
    private static final int MAX_SOCKET_DIR_LENGTH = 85;

    private static final Pattern SQL_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final String username;
    private final boolean initialized;
    private volatile boolean closed;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir, String username, boolean initialized) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.username = username;
        this.initialized = initialized;
    }

    /**
     * Starts PostgreSQL on {@code dataDir}, running {@code initdb} first if it holds no cluster.
     *
     * @param dataDir the cluster's directory (PGDATA)
     * @param username the application role, created if missing, owner of database {@value #DATABASE}
     * @param durable {@code fsync} and {@code synchronous_commit} on (zonky turns both off for speed); off is only for
     *     throw-away test data
     */
    public static EmbeddedPostgresServer start(Path dataDir, String username, boolean durable)
            throws IOException, SQLException {
        if (!SQL_IDENTIFIER.matcher(username).matches()) {
            throw new IllegalArgumentException("The database user name must be a plain SQL identifier: " + username);
        }
        Path dir = dataDir.toAbsolutePath().normalize();
        Files.createDirectories(dir.getParent());
        stopOrphanedPostmaster(dir);
        boolean fresh = !Files.exists(dir.resolve("postgresql.conf"));

        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                // the holder's hook stops PostgreSQL after the application contexts are closed; zonky's own hook
                // would race with them
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("unix_socket_directories", socketDirectory(dir))
                // initdb: UTF-8 and a locale that exists everywhere, independent of the machine's LANG
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C")
                .setLocaleConfig("locale-provider", "builtin")
                .setLocaleConfig("builtin-locale", "C.UTF-8");
        if (durable) {
            // zonky starts postgres with -F (fsync off) and synchronous_commit=off; -c options come after -F and win
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        EmbeddedPostgres postgres = builder.start();
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, dir, username, fresh);
        try {
            server.createRoleAndDatabase();
        } catch (SQLException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** The unix socket goes into the data directory unless that path is too long for a socket. */
    private static String socketDirectory(Path dir) {
        String path = dir.toString();
        if (path.getBytes(StandardCharsets.UTF_8).length <= MAX_SOCKET_DIR_LENGTH) {
            return path;
        }
        String tmp = System.getProperty("java.io.tmpdir");
        log.warn("Data directory {} is too long for a unix socket path; PostgreSQL's socket goes to {}", path, tmp);
        return tmp;
    }

    private void createRoleAndDatabase() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", username)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE ROLE \"" + username + "\" LOGIN");
                }
            }
            if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", DATABASE)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE \"" + DATABASE + "\" OWNER \"" + username
                            + "\" ENCODING 'UTF8' TEMPLATE template0");
                }
            }
        }
    }

    private static boolean exists(Connection connection, String sql, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, value);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /**
     * A JVM that died without stopping PostgreSQL leaves the postmaster running on the directory, and the next start
     * would fail. If nobody holds zonky's lock on the directory, such a postmaster is orphaned: stop it.
     */
    static void stopOrphanedPostmaster(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster = readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(true));
        if (postmaster.isEmpty()) {
            return; // stale pid file: PostgreSQL itself copes with it
        }
        Path lockFile = dir.resolve("epg-lock");
        if (Files.exists(lockFile)) {
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    throw new IllegalStateException("PostgreSQL data directory " + dir
                            + " is in use by another process (another hub?). Stop it or use another hub.data-dir.");
                }
                lock.release();
            } catch (OverlappingFileLockException e) {
                throw new IllegalStateException("PostgreSQL data directory " + dir + " is already in use in this JVM", e);
            }
        }
        ProcessHandle process = postmaster.get();
        log.warn("Stopping orphaned PostgreSQL (pid {}) left running on {} by an earlier hub", process.pid(), dir);
        process.destroy(); // SIGTERM: smart shutdown, its clients are gone with the old JVM
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("PostgreSQL pid {} did not stop in 30 s; killing it", process.pid());
            process.destroyForcibly();
            process.onExit().join();
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** JDBC URL of the hub database over TCP, without credentials. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    public int port() {
        return postgres.getPort();
    }

    public String username() {
        return username;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Whether this start ran initdb (a new cluster). */
    @Override
    public boolean createdStorage() {
        return initialized;
    }

    @Override
    public String endpoint() {
        return jdbcUrl();
    }

    /** Stops PostgreSQL cleanly ({@code pg_ctl stop -m fast}); the data directory stays. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop PostgreSQL on " + dataDir, e);
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL on " + dataDir + " at 127.0.0.1:" + postgres.getPort();
    }
}

package org.exchangehub.hub.runtime.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * Starts the embedded PostgreSQL and Kafka once per JVM and data directory, and stops them when the JVM exits.
 *
 * <p>Spring's test context cache may build several application contexts in one JVM; each asks {@link #shared()} for
 * the services and the second gets the running ones. PostgreSQL and Kafka start in parallel, on threads whose context
 * class loader is the one that loaded the hub (in a fat jar, Boot's launcher class loader: Kafka loads classes by name
 * through the context class loader, and the common fork-join pool's threads do not see the jar's classes).
 *
 * <p>A JVM shutdown hook stops them: it first waits (up to {@link #USER_CLOSE_TIMEOUT}) until the application
 * contexts that use them are closed by Spring's own shutdown hook, so that connection pools and Kafka consumers are
 * gone before the servers, then stops PostgreSQL ({@code pg_ctl stop -m fast}, a clean shutdown) and Kafka in
 * parallel.
 */
public final class EmbeddedInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

    /** Longer than Spring's default graceful shutdown phase (30 s). */
    static final Duration USER_CLOSE_TIMEOUT = Duration.ofSeconds(45);

    /** Starts one kind of service on a directory. */
    @FunctionalInterface
    public interface Launcher {
        EmbeddedService start(Path dir, Request request) throws Exception;
    }

    /**
     * What to run.
     *
     * @param dataDir the hub's data directory; PostgreSQL uses {@code postgres/} in it, Kafka {@code kafka/}
     * @param postgres run the embedded PostgreSQL
     * @param kafka run the embedded Kafka
     * @param wipeOnStart delete {@code dataDir} before the first start in this JVM
     * @param dbUsername the role the embedded PostgreSQL creates for the application
     */
    public record Request(Path dataDir, boolean postgres, boolean kafka, boolean wipeOnStart, String dbUsername) {

        public Request {
            dataDir = dataDir.toAbsolutePath().normalize();
        }

        Path postgresDir() {
            return dataDir.resolve("postgres");
        }

        Path kafkaDir() {
            return dataDir.resolve("kafka");
        }
    }

    /**
     * A running service.
     *
     * @param service the service
     * @param startup how long its start took
     * @param reused whether an earlier request in this JVM started it
     */
    public record Started(EmbeddedService service, Duration startup, boolean reused) {

        Started asReused() {
            return new Started(service, startup, true);
        }
    }

    /** The services a request asked for. */
    public record Services(Optional<Started> postgres, Optional<Started> kafka) {
    }

    private static final EmbeddedInfrastructure SHARED = new EmbeddedInfrastructure(
            (dir, request) -> EmbeddedPostgresServer.start(dir, request.dbUsername(), !request.wipeOnStart()),
            (dir, request) -> EmbeddedKafkaServer.start(dir),
            true);

    /** The JVM-wide instance. */
    public static EmbeddedInfrastructure shared() {
        return SHARED;
    }

    private final Launcher postgresLauncher;
    private final Launcher kafkaLauncher;
    private final boolean registerShutdownHook;
    private final ClassLoader classLoader = EmbeddedInfrastructure.class.getClassLoader();

    /** Running services by their directory; guarded by {@code this}. */
    private final Map<Path, Started> running = new LinkedHashMap<>();
    private final Set<Path> wiped = new java.util.HashSet<>();
    private final Set<ConfigurableApplicationContext> users = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));
    private boolean shutdownHookRegistered;

    /** For tests: launchers of fakes, and usually no JVM shutdown hook. */
    EmbeddedInfrastructure(Launcher postgresLauncher, Launcher kafkaLauncher, boolean registerShutdownHook) {
        this.postgresLauncher = postgresLauncher;
        this.kafkaLauncher = kafkaLauncher;
        this.registerShutdownHook = registerShutdownHook;
    }

    /**
     * Starts what the request asks for unless it already runs in this JVM, PostgreSQL and Kafka in parallel. If one
     * fails, the other one started by this call is stopped again and the failure is thrown.
     */
    public synchronized Services ensureStarted(Request request) throws Exception {
        if (request.wipeOnStart() && wiped.add(request.dataDir())) {
            wipe(request.dataDir());
        }
        List<Launch> launches = new ArrayList<>();
        if (request.postgres() && !running.containsKey(request.postgresDir())) {
            launches.add(launch("postgres", postgresLauncher, request.postgresDir(), request));
        }
        if (request.kafka() && !running.containsKey(request.kafkaDir())) {
            launches.add(launch("kafka", kafkaLauncher, request.kafkaDir(), request));
        }
        Map<Path, Started> started = new LinkedHashMap<>();
        Exception failure = null;
        for (Launch launch : launches) {
            try {
                started.put(launch.dir(), launch.await());
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            started.values().forEach(s -> closeQuietly(s.service()));
            throw failure;
        }
        Map<Path, Started> previously = new LinkedHashMap<>(running);
        running.putAll(started);
        if (!started.isEmpty()) {
            registerShutdownHookOnce();
        }
        return new Services(
                find(request.postgres(), request.postgresDir(), previously),
                find(request.kafka(), request.kafkaDir(), previously));
    }

    private Optional<Started> find(boolean wanted, Path dir, Map<Path, Started> previously) {
        if (!wanted) {
            return Optional.empty();
        }
        return Optional.of(previously.containsKey(dir) ? previously.get(dir).asReused() : running.get(dir));
    }

    private void wipe(Path dataDir) throws IOException {
        boolean inUse = running.keySet().stream().anyMatch(dir -> dir.startsWith(dataDir));
        if (inUse) {
            log.warn("Not wiping {}: embedded services of this JVM run on it", dataDir);
            return;
        }
        if (Files.exists(dataDir)) {
            log.info("Wiping {} (hub.embedded.wipe-on-start)", dataDir);
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    private record Launch(Path dir, FutureTask<Started> task) {

        Started await() throws Exception {
            try {
                return task.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw e;
            }
        }
    }

    private Launch launch(String name, Launcher launcher, Path dir, Request request) {
        FutureTask<Started> task = new FutureTask<>(() -> {
            long begin = System.nanoTime();
            EmbeddedService service = launcher.start(dir, request);
            return new Started(service, Duration.ofNanos(System.nanoTime() - begin), false);
        });
        Thread thread = new Thread(task, "hub-embedded-" + name + "-start");
        thread.setContextClassLoader(classLoader);
        thread.start();
        return new Launch(dir, task);
    }

    /**
     * Marks an application context as using the services: the shutdown hook waits until it is closed (or collected)
     * before stopping them.
     */
    public void registerUser(ConfigurableApplicationContext context) {
        users.add(context);
    }

    /** The services running now, by directory. */
    public synchronized Map<Path, EmbeddedService> running() {
        Map<Path, EmbeddedService> services = new LinkedHashMap<>();
        running.forEach((dir, started) -> services.put(dir, started.service()));
        return services;
    }

    /** Stops every running service, in parallel; they may be started again afterwards. */
    public synchronized void stopAll() {
        List<Thread> stoppers = new ArrayList<>();
        for (Map.Entry<Path, Started> entry : running.entrySet()) {
            EmbeddedService service = entry.getValue().service();
            Thread thread = new Thread(() -> {
                long begin = System.nanoTime();
                closeQuietly(service);
                log.info("Stopped {} in {} ms", service, (System.nanoTime() - begin) / 1_000_000);
            }, "hub-embedded-stop-" + entry.getKey().getFileName());
            thread.setContextClassLoader(classLoader);
            thread.start();
            stoppers.add(thread);
        }
        for (Thread thread : stoppers) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        running.clear();
        wiped.clear();
    }

    private void registerShutdownHookOnce() {
        if (!registerShutdownHook || shutdownHookRegistered) {
            return;
        }
        shutdownHookRegistered = true;
        Thread hook = new Thread(() -> {
            awaitUsersClosed(USER_CLOSE_TIMEOUT);
            stopAll();
        }, "hub-embedded-shutdown");
        hook.setContextClassLoader(classLoader);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Waits until no registered application context is active any more, at most {@code timeout}. */
    boolean awaitUsersClosed(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (anyUserActive()) {
            if (System.nanoTime() > deadline) {
                log.warn("Application contexts still open after {} s; stopping the embedded services anyway",
                        timeout.toSeconds());
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private boolean anyUserActive() {
        synchronized (users) {
            return users.stream().anyMatch(ConfigurableApplicationContext::isActive);
        }
    }

    private static void closeQuietly(EmbeddedService service) {
        try {
            service.close();
        } catch (RuntimeException e) {
            log.error("Could not stop {}", service, e);
        }
    }
}

package org.exchangehub.hub.runtime.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.GenericApplicationContext;

class EmbeddedInfrastructureTest {

    @TempDir
    Path tmp;

    /** A service that only counts. */
    static final class FakeService implements EmbeddedService {
        final String endpoint;
        final AtomicInteger closes = new AtomicInteger();

        FakeService(String endpoint) {
            this.endpoint = endpoint;
        }

        @Override
        public String endpoint() {
            return endpoint;
        }

        @Override
        public boolean createdStorage() {
            return true;
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }

    /** Counts starts; both launchers must be inside start() at the same time, which proves the parallel start. */
    static final class CountingLauncher implements EmbeddedInfrastructure.Launcher {
        final String name;
        final AtomicInteger starts = new AtomicInteger();
        final List<FakeService> services = new CopyOnWriteArrayList<>();
        final List<ClassLoader> contextClassLoaders = new CopyOnWriteArrayList<>();
        final CountDownLatch bothInside;
        volatile RuntimeException failure;

        CountingLauncher(String name, CountDownLatch bothInside) {
            this.name = name;
            this.bothInside = bothInside;
        }

        @Override
        public EmbeddedService start(Path dir, EmbeddedInfrastructure.Request request) throws Exception {
            starts.incrementAndGet();
            contextClassLoaders.add(Thread.currentThread().getContextClassLoader());
            bothInside.countDown();
            if (!bothInside.await(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other service did not start in parallel");
            }
            if (failure != null) {
                throw failure;
            }
            FakeService service = new FakeService(name + "@" + dir);
            services.add(service);
            return service;
        }
    }

    private final CountDownLatch latch = new CountDownLatch(2);
    private final CountingLauncher postgres = new CountingLauncher("pg", latch);
    private final CountingLauncher kafka = new CountingLauncher("kafka", latch);
    private final EmbeddedInfrastructure infrastructure = new EmbeddedInfrastructure(
            (dir, request) -> postgres.start(dir, request), (dir, request) -> kafka.start(dir, request), false);

    private EmbeddedInfrastructure.Request request(Path dataDir, boolean wipe) {
        return new EmbeddedInfrastructure.Request(dataDir, true, true, wipe, "hub");
    }

    @Test
    void startsOncePerDataDirectoryInParallelWithTheApplicationClassLoader() throws Exception {
        Path dir = tmp.resolve("data");

        EmbeddedInfrastructure.Services first = infrastructure.ensureStarted(request(dir, false));
        EmbeddedInfrastructure.Services second = infrastructure.ensureStarted(request(dir.resolve("x/.."), false));

        assertThat(postgres.starts).hasValue(1);
        assertThat(kafka.starts).hasValue(1);
        assertThat(first.postgres().orElseThrow().reused()).isFalse();
        assertThat(second.postgres().orElseThrow().reused()).isTrue();
        assertThat(second.kafka().orElseThrow().service()).isSameAs(first.kafka().orElseThrow().service());
        assertThat(first.postgres().orElseThrow().service().endpoint()).isEqualTo("pg@" + dir.resolve("postgres"));
        assertThat(first.kafka().orElseThrow().service().endpoint()).isEqualTo("kafka@" + dir.resolve("kafka"));
        assertThat(postgres.contextClassLoaders).containsOnly(EmbeddedInfrastructure.class.getClassLoader());
        assertThat(kafka.contextClassLoaders).containsOnly(EmbeddedInfrastructure.class.getClassLoader());
        assertThat(infrastructure.running()).hasSize(2);
    }

    @Test
    void anotherDataDirectoryGetsItsOwnServices() throws Exception {
        infrastructure.ensureStarted(request(tmp.resolve("a"), false));
        // the latch is open now: a start on its own no longer waits for the other one
        infrastructure.ensureStarted(new EmbeddedInfrastructure.Request(tmp.resolve("b"), true, false, false, "hub"));

        assertThat(postgres.starts).hasValue(2);
        assertThat(kafka.starts).hasValue(1);
        assertThat(infrastructure.running()).hasSize(3);
    }

    @Test
    void onlyWhatIsAskedForStarts() throws Exception {
        CountDownLatch alone = new CountDownLatch(1);
        CountingLauncher kafkaOnly = new CountingLauncher("kafka", alone);
        EmbeddedInfrastructure infra = new EmbeddedInfrastructure(
                (dir, request) -> { throw new AssertionError("PostgreSQL was not asked for"); }, kafkaOnly, false);

        EmbeddedInfrastructure.Services services = infra.ensureStarted(
                new EmbeddedInfrastructure.Request(tmp, false, true, false, "hub"));

        assertThat(services.postgres()).isEmpty();
        assertThat(services.kafka()).isPresent();
    }

    @Test
    void wipesOnlyBeforeTheFirstStart() throws Exception {
        Path dir = tmp.resolve("data");
        Files.createDirectories(dir.resolve("postgres"));
        Path old = Files.writeString(dir.resolve("postgres/old-file"), "stale");

        infrastructure.ensureStarted(request(dir, true));
        assertThat(old).doesNotExist();

        Files.createDirectories(dir);
        Path kept = Files.writeString(dir.resolve("new-file"), "written while running");
        infrastructure.ensureStarted(request(dir, true));
        assertThat(kept).exists();
        assertThat(postgres.starts).hasValue(1);
    }

    @Test
    void aFailedStartStopsTheOtherServiceAndCanBeRetried() throws Exception {
        kafka.failure = new IllegalStateException("port taken");

        assertThatThrownBy(() -> infrastructure.ensureStarted(request(tmp, false))).hasMessage("port taken");
        assertThat(postgres.services).singleElement().satisfies(s -> assertThat(s.closes).hasValue(1));
        assertThat(infrastructure.running()).isEmpty();
    }

    @Test
    void stopAllClosesEverythingOnceAndAllowsARestart() throws Exception {
        infrastructure.ensureStarted(request(tmp, false));

        infrastructure.stopAll();
        infrastructure.stopAll();

        assertThat(postgres.services.get(0).closes).hasValue(1);
        assertThat(kafka.services.get(0).closes).hasValue(1);
        assertThat(infrastructure.running()).isEmpty();

        infrastructure.ensureStarted(request(tmp, false));
        assertThat(postgres.starts).hasValue(2);
    }

    @Test
    void shutdownWaitsForTheApplicationContextsUsingTheServices() throws Exception {
        GenericApplicationContext context = new GenericApplicationContext();
        context.refresh();
        infrastructure.registerUser(context);

        assertThat(infrastructure.awaitUsersClosed(Duration.ofMillis(300))).isFalse();

        Thread closer = new Thread(() -> {
            sleep(200);
            context.close();
        });
        closer.start();
        long begin = System.nanoTime();
        assertThat(infrastructure.awaitUsersClosed(Duration.ofSeconds(5))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        closer.join();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.exchangehub.hub.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.exchangehub.hub.runtime.embedded.EmbeddedKafkaServer;
import org.exchangehub.hub.runtime.embedded.EmbeddedPostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * Starts the real embedded PostgreSQL and Kafka (without Spring), writes a row and a record, stops both, starts them
 * again on the same directories and finds both. Prints the cold and warm start-up times.
 */
class EmbeddedInfrastructureIT {

    private static final Path DATA_DIR = Path.of(System.getProperty("hub.data-dir", "target/it-data"))
            .toAbsolutePath().normalize().resolve("embedded-infrastructure-it");
    private static final String TOPIC = "hub.it.events";
    private static final String TEXT = "résumé 政务数据共享 ✓";

    private static final ExecutorService starters = Executors.newFixedThreadPool(2);
    private static final List<AutoCloseable> running = new ArrayList<>();

    @BeforeAll
    static void quietLogsAndCleanDirectory() throws Exception {
        // no Spring here: logback's default configuration would log Kafka at DEBUG
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        for (String name : List.of("org.apache.kafka", "kafka", "state.change.logger", "org.apache.zookeeper")) {
            ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.WARN);
        }
        FileSystemUtils.deleteRecursively(DATA_DIR);
    }

    @AfterAll
    static void stopLeftovers() throws Exception {
        for (AutoCloseable service : running) {
            service.close();
        }
        starters.shutdownNow();
    }

    @Test
    void dataSurvivesARestartOnTheSameDirectory() throws Exception {
        // cold: initdb and Kafka's storage format
        Started cold = startBoth();
        assertThat(cold.postgres().createdStorage()).isTrue();
        assertThat(cold.kafka().createdStorage()).isTrue();
        report("cold", cold);

        try (Connection connection = connect(cold.postgres())) {
            assertThat(show(connection, "server_encoding")).isEqualTo("UTF8");
            assertThat(show(connection, "fsync")).isEqualTo("on");
            assertThat(show(connection, "synchronous_commit")).isEqualTo("on");
            assertThat(show(connection, "listen_addresses")).isEqualTo("127.0.0.1");
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE it_note (id int PRIMARY KEY, text varchar(100) NOT NULL)");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO it_note VALUES (1, ?)")) {
                insert.setString(1, TEXT);
                insert.executeUpdate();
            }
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cold.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            // the topic does not exist: auto-creation must be on
            producer.send(new ProducerRecord<>(TOPIC, "note-1", TEXT)).get();
        }

        stopBoth(cold);

        // warm: the same directories, no initdb, no format
        Started warm = startBoth();
        report("warm", warm);
        assertThat(warm.postgres().createdStorage()).isFalse();
        assertThat(warm.kafka().createdStorage()).isFalse();

        try (Connection connection = connect(warm.postgres());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT text FROM it_note WHERE id = 1")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo(TEXT);
        }
        assertThat(readAll(warm.kafka().bootstrapServers()))
                .extracting(ConsumerRecord::key, ConsumerRecord::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("note-1", TEXT));

        stopBoth(warm);
    }

    private record Started(EmbeddedPostgresServer postgres, Duration postgresStartup, EmbeddedKafkaServer kafka,
            Duration kafkaStartup, Duration total) {
    }

    /** Both in parallel, as the hub starts them. */
    private static Started startBoth() throws Exception {
        long begin = System.nanoTime();
        CompletableFuture<Timed<EmbeddedPostgresServer>> postgres = CompletableFuture.supplyAsync(
                () -> timed(() -> EmbeddedPostgresServer.start(DATA_DIR.resolve("postgres"), "hub", true)), starters);
        CompletableFuture<Timed<EmbeddedKafkaServer>> kafka = CompletableFuture.supplyAsync(
                () -> timed(() -> EmbeddedKafkaServer.start(DATA_DIR.resolve("kafka"))), starters);
        Timed<EmbeddedPostgresServer> pg = postgres.get();
        running.add(pg.value());
        Timed<EmbeddedKafkaServer> k = kafka.get();
        running.add(k.value());
        return new Started(pg.value(), pg.duration(), k.value(), k.duration(),
                Duration.ofNanos(System.nanoTime() - begin));
    }

    private static void stopBoth(Started started) {
        long begin = System.nanoTime();
        started.kafka().close();
        started.postgres().close();
        running.remove(started.kafka());
        running.remove(started.postgres());
        System.out.printf("[EmbeddedInfrastructureIT] stopped Kafka and PostgreSQL in %d ms%n",
                (System.nanoTime() - begin) / 1_000_000);
    }

    private static void report(String phase, Started started) {
        System.out.printf("[EmbeddedInfrastructureIT] %s start: PostgreSQL %d ms, Kafka %d ms, both in parallel %d ms"
                        + " (%s, %s)%n", phase, started.postgresStartup().toMillis(), started.kafkaStartup().toMillis(),
                started.total().toMillis(), started.postgres(), started.kafka());
    }

    private record Timed<T>(T value, Duration duration) {
    }

    private interface Start<T> {
        T start() throws Exception;
    }

    private static <T> Timed<T> timed(Start<T> start) {
        long begin = System.nanoTime();
        try {
            T value = start.start();
            return new Timed<>(value, Duration.ofNanos(System.nanoTime() - begin));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect(EmbeddedPostgresServer postgres) throws Exception {
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), "");
    }

    private static String show(Connection connection, String setting) throws Exception {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SHOW " + setting)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static List<ConsumerRecord<String, String>> readAll(String bootstrap) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "it-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }
}

package org.exchangehub.hub.runtime.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process single-node Kafka 3.9 in KRaft mode ({@code process.roles=broker,controller}) with its log directory
 * kept across restarts. The directory is formatted once, with Kafka's own storage formatter, when it has no
 * {@code meta.properties}. Broker and controller listen on 127.0.0.1, on free ports chosen at each start.
 */
public final class EmbeddedKafkaServer implements EmbeddedService {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaServer.class);

    static final int NODE_ID = 1;
    static final String BROKER_LISTENER = "PLAINTEXT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String HOST = "127.0.0.1";

    private final KafkaRaftServer server;
    private final Path logDir;
    private final String bootstrapServers;
    private final boolean formatted;
    private volatile boolean closed;

    private EmbeddedKafkaServer(KafkaRaftServer server, Path logDir, String bootstrapServers, boolean formatted) {
        this.server = server;
        this.logDir = logDir;
        this.bootstrapServers = bootstrapServers;
        this.formatted = formatted;
    }

    /**
     * Formats {@code logDir} if needed and starts the broker+controller; returns once the broker is unfenced (ready).
     * A port taken between choosing and binding it gets one more try with new ports.
     */
    public static EmbeddedKafkaServer start(Path logDir) throws Exception {
        Path dir = logDir.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        boolean formatted = formatIfNeeded(dir);
        try {
            return startOnFreePorts(dir, formatted);
        } catch (Exception first) {
            if (!isBindFailure(first)) {
                throw first;
            }
            log.warn("Kafka could not bind its ports ({}); trying other ports", first.toString());
            return startOnFreePorts(dir, formatted);
        }
    }

    private static EmbeddedKafkaServer startOnFreePorts(Path dir, boolean formatted) throws Exception {
        int[] ports = freePorts(2);
        Properties properties = brokerProperties(dir, ports[0], ports[1]);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        try {
            server.startup();
        } catch (Throwable e) {
            try {
                server.shutdown();
                server.awaitShutdown();
            } catch (Throwable suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e instanceof Exception ex ? ex : new IllegalStateException(e);
        }
        return new EmbeddedKafkaServer(server, dir, HOST + ":" + ports[0], formatted);
    }

    /** The broker's configuration: a single node, so every replication factor and min ISR is 1. */
    static Properties brokerProperties(Path logDir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.put("listeners", BROKER_LISTENER + "://" + HOST + ":" + brokerPort + ","
                + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", BROKER_LISTENER + "://" + HOST + ":" + brokerPort);
        p.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", BROKER_LISTENER);
        p.put("log.dirs", logDir.toString());
        p.put("auto.create.topics.enable", "true");
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("group.initial.rebalance.delay.ms", "0");
        // the broker and its controller share the process: no need to wait long for a quorum of one
        p.put("controller.quorum.election.timeout.ms", "1000");
        p.put("controller.quorum.fetch.timeout.ms", "2000");
        // after a crash the controller refuses the broker's new registration until the old one's session expires
        // (DUPLICATE_BROKER_REGISTRATION): 9 s by default, 5 s here
        p.put("broker.session.timeout.ms", "5000");
        p.put("broker.heartbeat.interval.ms", "1000");
        return p;
    }

    /**
     * Formats the directory as {@code kafka-storage.sh format} would, unless it already has {@code meta.properties}.
     *
     * @return whether it formatted
     */
    static boolean formatIfNeeded(Path dir) throws Exception {
        if (Files.exists(dir.resolve("meta.properties"))) {
            return false;
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(printStream)
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .addDirectory(dir.toString())
                    .setMetadataLogDirectory(dir.toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        }
        log.info("Formatted Kafka log directory {}: {}", dir, output.toString(StandardCharsets.UTF_8).trim());
        return true;
    }

    static int[] freePorts(int count) {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0, 50, InetAddress.getByName(HOST));
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + HOST, e);
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    try {
                        socket.close();
                    } catch (IOException ignored) {
                        // nothing to do
                    }
                }
            }
        }
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException
                    || (t.getMessage() != null && t.getMessage().contains("Address already in use"))) {
                return true;
            }
        }
        return false;
    }

    /** host:port of the broker listener. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Path logDir() {
        return logDir;
    }

    /** Whether this start formatted a new log directory. */
    @Override
    public boolean createdStorage() {
        return formatted;
    }

    @Override
    public String endpoint() {
        return bootstrapServers;
    }

    /** Controlled shutdown of broker and controller; the log directory stays. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        server.awaitShutdown();
    }

    @Override
    public String toString() {
        return "Kafka (KRaft) on " + logDir + " at " + bootstrapServers;
    }
}

package org.exchangehub.hub.runtime;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Health of Kafka, under the name {@code kafka}: asks the cluster to describe itself (a short timeout) and reports the
 * bootstrap servers, the number of brokers and the cluster id.
 */
@Component("kafkaHealthIndicator")
public class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Map<String, Object> adminProperties;
    private final String bootstrapServers;
    private Admin admin;

    public KafkaHealthIndicator(KafkaProperties kafkaProperties) {
        super("Kafka health check failed");
        Map<String, Object> properties = new HashMap<>(kafkaProperties.buildAdminProperties(null));
        int timeoutMs = (int) TIMEOUT.toMillis();
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "hub-health");
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        properties.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        this.adminProperties = Map.copyOf(properties);
        this.bootstrapServers = bootstrapServers(properties.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
    }

    static String bootstrapServers(Object value) {
        if (value instanceof Collection<?> servers) {
            return String.join(",", servers.stream().map(String::valueOf).toList());
        }
        return value == null ? "" : value.toString();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        builder.withDetail("bootstrapServers", bootstrapServers);
        DescribeClusterResult cluster = admin().describeCluster(
                new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
        long timeout = TIMEOUT.toMillis() + 500;
        Collection<Node> nodes = cluster.nodes().get(timeout, TimeUnit.MILLISECONDS);
        String clusterId = cluster.clusterId().get(timeout, TimeUnit.MILLISECONDS);
        builder.status(nodes.isEmpty() ? Status.DOWN : Status.UP)
                .withDetail("nodes", nodes.size())
                .withDetail("clusterId", clusterId == null ? "" : clusterId);
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(adminProperties);
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
            admin = null;
        }
    }
}

package org.exchangehub.hub.runtime;

import java.util.List;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The hub's embedded Hazelcast member. Joins other members only over TCP/IP with the configured addresses: multicast
 * and cloud auto-detection are off, so two hubs on one network never merge by accident (and members of one machine
 * only join when they share the cluster name). Spring Boot's auto-configuration backs off for this bean, and its
 * Hazelcast health indicator reports it.
 */
@Configuration(proxyBeanMethods = false)
public class HazelcastConfiguration {

    static final String LOOPBACK = "127.0.0.1";

    @Bean(destroyMethod = "shutdown")
    public HazelcastInstance hazelcastInstance(HubProperties hub) {
        return Hazelcast.newHazelcastInstance(hazelcastConfig(hub.hazelcast()));
    }

    /** The member's configuration (pure: no member is started). */
    static Config hazelcastConfig(HubProperties.Hazelcast settings) {
        Config config = new Config();
        config.setClusterName(settings.clusterName());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        // the Spring context shuts the member down (destroyMethod), not Hazelcast's own JVM hook
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.getJetConfig().setEnabled(false);
        // near caches (the gateway's plans) learn of a change at once rather than in a batch up to 10 s later
        config.setProperty("hazelcast.map.invalidation.batch.enabled", "false");

        NetworkConfig network = config.getNetworkConfig();
        network.setPort(settings.port()).setPortAutoIncrement(true);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getAwsConfig().setEnabled(false);
        join.getKubernetesConfig().setEnabled(false);

        List<String> members = settings.members();
        if (members.isEmpty()) {
            join.getTcpIpConfig().setEnabled(true).setMembers(List.of(LOOPBACK));
            network.getInterfaces().setEnabled(true).setInterfaces(List.of(LOOPBACK));
            config.setProperty("hazelcast.socket.bind.any", "false");
        } else {
            join.getTcpIpConfig().setEnabled(true).setMembers(members);
        }
        return config;
    }
}

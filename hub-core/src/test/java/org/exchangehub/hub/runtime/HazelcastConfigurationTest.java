package org.exchangehub.hub.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import org.junit.jupiter.api.Test;

class HazelcastConfigurationTest {

    @Test
    void singleLocalMemberByDefault() {
        Config config = HazelcastConfiguration.hazelcastConfig(
                new HubProperties.Hazelcast(List.of(), "exchange-hub", 5701));
        JoinConfig join = config.getNetworkConfig().getJoin();

        assertThat(config.getClusterName()).isEqualTo("exchange-hub");
        assertThat(config.getNetworkConfig().getPort()).isEqualTo(5701);
        assertThat(config.getNetworkConfig().isPortAutoIncrement()).isTrue();
        assertThat(join.getMulticastConfig().isEnabled()).isFalse();
        assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
        assertThat(join.getTcpIpConfig().isEnabled()).isTrue();
        assertThat(join.getTcpIpConfig().getMembers()).containsExactly("127.0.0.1");
        assertThat(config.getNetworkConfig().getInterfaces().isEnabled()).isTrue();
        assertThat(config.getNetworkConfig().getInterfaces().getInterfaces()).containsExactly("127.0.0.1");
        assertThat(config.getProperty("hazelcast.socket.bind.any")).isEqualTo("false");
        assertThat(config.getJetConfig().isEnabled()).isFalse();
        assertThat(config.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
        assertThat(config.getProperty("hazelcast.shutdownhook.enabled")).isEqualTo("false");
    }

    @Test
    void clusterOfConfiguredMembers() {
        Config config = HazelcastConfiguration.hazelcastConfig(
                new HubProperties.Hazelcast(List.of("10.0.0.1:5701", "10.0.0.2"), "prod", 5801));
        JoinConfig join = config.getNetworkConfig().getJoin();

        assertThat(config.getClusterName()).isEqualTo("prod");
        assertThat(config.getNetworkConfig().getPort()).isEqualTo(5801);
        assertThat(join.getMulticastConfig().isEnabled()).isFalse();
        assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
        assertThat(join.getTcpIpConfig().getMembers()).containsExactly("10.0.0.1:5701", "10.0.0.2");
        assertThat(config.getNetworkConfig().getInterfaces().isEnabled()).isFalse();
    }
}

package org.exchangehub.hub.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.exchangehub.hub.mapping.MappingCatalog;
import org.exchangehub.mapping.MappingConfig;
import org.exchangehub.mapping.MappingTarget;
import org.springframework.stereotype.Component;

/**
 * The mapping configs connector operations name ({@code request-mapping}, {@code response-mapping}), checked once at
 * start against the {@link MappingCatalog}: an operation naming a config that is missing or of the wrong target stops
 * the hub with the setting's name, so a typo never becomes a failing call at run time.
 */
@Component
public class GatewayMappings {

    private final MappingCatalog catalog;
    private final ConnectorProperties connectors;

    public GatewayMappings(ConnectorProperties connectors, MappingCatalog catalog) {
        this.connectors = connectors;
        this.catalog = catalog;
        check();
    }

    private void check() {
        List<String> faults = new ArrayList<>();
        connectors.systems().forEach((id, system) -> system.operations().forEach((name, op) -> {
            String at = "hub.connectors.systems." + id + ".operations." + name;
            fault(faults, at + ".request-mapping", op.requestMapping(), MappingTarget.REQUEST_PARAMETERS);
            fault(faults, at + ".response-mapping", op.responseMapping(), MappingTarget.DATA_ITEMS);
        }));
        if (!faults.isEmpty()) {
            throw new IllegalStateException("Connector mappings: " + String.join("; ", faults));
        }
    }

    private void fault(List<String> faults, String setting, String name, MappingTarget expected) {
        if (name == null || name.isBlank()) {
            return;
        }
        MappingConfig config = catalog.named(name).orElse(null);
        if (config == null) {
            faults.add(setting + ": no mapping config named '" + name + "'; known: " + catalog.all().keySet());
        } else if (config.target() != expected) {
            faults.add(setting + ": '" + name + "' maps to " + config.target() + ", expected " + expected);
        }
    }

    /** The config of that name, if there is one. */
    public Optional<MappingConfig> named(String name) {
        return catalog.named(name);
    }
}

package org.exchangehub.returnflow.source;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.exchangehub.catalog.RegistryException;

/** The configured sources, by id. hub-core builds it from {@code hub.return-flow.sources}. */
public final class CaseSources {

    private final Map<String, CaseSource> byId = new LinkedHashMap<>();

    public CaseSources(Collection<CaseSource> sources) {
        for (CaseSource s : sources) {
            if (byId.put(s.id(), s) != null) {
                throw new IllegalArgumentException("two sources with id " + s.id());
            }
        }
    }

    public Collection<CaseSource> all() {
        return byId.values();
    }

    public Optional<CaseSource> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public CaseSource get(String id) {
        return find(id).orElseThrow(() -> RegistryException.notFound("return-flow source", id
                + " (configured sources: " + String.join(", ", byId.keySet()) + ")"));
    }
}

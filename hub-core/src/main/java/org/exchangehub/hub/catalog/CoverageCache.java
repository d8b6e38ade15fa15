package org.exchangehub.hub.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.util.function.Supplier;
import org.exchangehub.catalog.coverage.CoverageReport;
import org.springframework.stereotype.Component;

/**
 * The coverage report is an aggregate over all items and entries, so it is computed once and shared by every
 * hub node through Hazelcast; any catalogue event drops it (see {@link CatalogEventListener}).
 */
@Component
public class CoverageCache {

    static final String MAP = "catalog.coverage";
    private static final String REPORT = "report";

    private final IMap<String, String> map;
    private final ObjectMapper json;

    public CoverageCache(HazelcastInstance hazelcast, ObjectMapper json) {
        this.map = hazelcast.getMap(MAP);
        this.json = json;
    }

    public CoverageReport report(Supplier<CoverageReport> compute) {
        try {
            String cached = map.get(REPORT);
            if (cached != null) {
                return json.readValue(cached, CoverageReport.class);
            }
            CoverageReport report = compute.get();
            map.set(REPORT, json.writeValueAsString(report));
            return report;
        } catch (JsonProcessingException e) {
            map.delete(REPORT);
            return compute.get();
        }
    }

    public void drop() {
        map.delete(REPORT);
    }
}

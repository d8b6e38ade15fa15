package org.exchangehub.hub.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Once the hub is up (its web server listening, since the seeder's calls go through the gateway to the demo provider
 * it serves): seeds the demo city, creates the fictional departments' tables, back-fills the return flow's history and
 * starts the case streams. A failure is logged and leaves the hub running: the demo is an aid, not a dependency.
 */
class DemoRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRunner.class);

    private final DemoSeeder seeder;
    private final DemoDepartmentTables tables;
    private final DemoCaseStreams streams;

    DemoRunner(DemoSeeder seeder, DemoDepartmentTables tables, DemoCaseStreams streams) {
        this.seeder = seeder;
        this.tables = tables;
        this.streams = streams;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onReady() {
        try {
            run();
        } catch (RuntimeException e) {
            log.error("The demo could not be seeded; the hub runs without it (start with HUB_DEMO=false to skip it)", e);
        }
    }

    void run() {
        tables.create();
        seeder.seed();
        streams.licenceCode(seeder.businessLicenceCode());
        streams.backfill();
        streams.start();
    }
}

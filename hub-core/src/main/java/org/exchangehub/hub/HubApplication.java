package org.exchangehub.hub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The exchange hub: resource directory, shared interfaces, case return flow and single sign-on. */
@SpringBootApplication(scanBasePackages = "org.exchangehub")
@ConfigurationPropertiesScan("org.exchangehub")
@EnableScheduling
public class HubApplication {

    public static void main(String[] args) {
        SpringApplication.run(HubApplication.class, args);
    }
}

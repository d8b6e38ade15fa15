package org.exchangehub.hub.demo;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code hub.demo.*}: the demo city of shared/SCENARIOS.md (酒泉市): departments, service items, entries, a consuming
 * system with grants and calls, and return-flow sources that keep streaming case records. Off by default; {@code ./hub
 * run} turns it on unless {@code HUB_DEMO} says otherwise.
 *
 * @param enabled      seed the demo city (once per database) and stream case records
 * @param interval     how often each demo source sends its next few case records, and the demo consumer calls the
 *                     gateway once
 * @param historyDays  days of back-history seeded for the return flow's charts (records dated on those days)
 * @param faultRate    the share of generated case records carrying one of the realistic faults (wrong ID check
 *                     character, unknown item, completion before acceptance, completed without completion time,
 *                     sent twice)
 */
@Validated
@ConfigurationProperties("hub.demo")
public record DemoProperties(
        @DefaultValue("false") boolean enabled,
        @NotNull @DefaultValue("60s") Duration interval,
        @Min(0) @Max(90) @DefaultValue("30") int historyDays,
        @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.08") double faultRate) {

    @jakarta.validation.constraints.AssertTrue(message = "interval must be at least 1s")
    public boolean isIntervalSensible() {
        return interval == null || interval.compareTo(Duration.ofSeconds(1)) >= 0;
    }
}

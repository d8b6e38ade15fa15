package org.exchangehub.hub.returnflow;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.exchangehub.returnflow.quality.QualityProfile;
import org.exchangehub.returnflow.quality.QualityRule;
import org.exchangehub.returnflow.source.Channel;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code hub.return-flow.*}: the case return flow. A new source is a block under {@code sources} and, if its records
 * look new, a mapping config; no code. Checked at start: a source whose mapping, channel settings, rules or fields
 * are wrong stops the hub with a message naming the setting.
 *
 * @param sources          the systems sending case records back, by id
 * @param quality          the rule set every source starts from
 * @param calendar         public holidays and worked weekend days, for deadlines in working days
 * @param centre           the provincial case centre passed records are forwarded to
 * @param kafka            Kafka intake settings
 */
@Validated
@ConfigurationProperties("hub.return-flow")
public record ReturnFlowProperties(
        @Valid @DefaultValue Map<String, Source> sources,
        @Valid @NotNull @DefaultValue Quality quality,
        @Valid @NotNull @DefaultValue Calendar calendar,
        @Valid @NotNull @DefaultValue Centre centre,
        @Valid @NotNull @DefaultValue Kafka kafka) {

    public ReturnFlowProperties {
        sources = sources == null ? Map.of() : sources;
    }

    /**
     * One source.
     *
     * @param description    for people
     * @param channel        kafka, http, database or file
     * @param mapping        the name of its mapping config ({@code name:} in the YAML, target case-record)
     * @param departmentCode the department answering for it: its department editors may post and read its failures
     * @param clientIds      OAuth2 clients (azp) that may post for it
     * @param enabled        false: configured but not read (its channel stays idle, its API refuses)
     * @param disabledRules  rules not applied to it, besides those disabled for all
     * @param requiredFields standard fields it must send; default: the global list
     * @param kafka          channel kafka: the topic
     * @param database       channel database: where and how to read
     * @param file           channel file: the directory
     */
    public record Source(
            String description,
            @NotNull Channel channel,
            @NotBlank String mapping,
            String departmentCode,
            @DefaultValue List<String> clientIds,
            @DefaultValue("true") boolean enabled,
            @DefaultValue List<QualityRule> disabledRules,
            List<String> requiredFields,
            @Valid KafkaChannel kafka,
            @Valid DatabaseChannel database,
            @Valid FileChannel file) {
    }

    /** @param topic JSON messages, keyed by case number */
    public record KafkaChannel(@NotBlank String topic) {
    }

    /**
     * A self-built system's table read incrementally: rows with (watermark, key) after the stored watermark, in that
     * order, a batch at a time.
     *
     * @param jdbcUrl         its database; empty means the hub's own (a schema in it, as in the demo)
     * @param username        for {@code jdbcUrl}
     * @param password        for {@code jdbcUrl}; give it by environment variable
     * @param table           the table, schema-qualified if needed ({@code ywxt.ywxt_banjian})
     * @param watermarkColumn a column that grows with every change ({@code updated_at})
     * @param keyColumn       a unique column that breaks ties among equal watermarks ({@code id})
     * @param pollInterval    how often to look for new rows
     * @param batchSize       rows per transaction
     */
    public record DatabaseChannel(
            String jdbcUrl,
            String username,
            String password,
            @NotBlank @jakarta.validation.constraints.Pattern(regexp = "[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?",
                    message = "must be a table name, optionally schema-qualified (ywxt.ywxt_banjian)") String table,
            @NotBlank @jakarta.validation.constraints.Pattern(regexp = "[A-Za-z_][A-Za-z0-9_]*", message = "must be a column name")
            String watermarkColumn,
            @NotBlank @jakarta.validation.constraints.Pattern(regexp = "[A-Za-z_][A-Za-z0-9_]*", message = "must be a column name")
            String keyColumn,
            @NotNull @DefaultValue("2s") Duration pollInterval,
            @Min(1) @Max(10000) @DefaultValue("500") int batchSize) {

        @Override
        public String toString() {
            return "DatabaseChannel[jdbcUrl=" + jdbcUrl + ", table=" + table + ", password=" + (password == null ? "none" : "******") + "]";
        }
    }

    /**
     * A directory the source drops files into: records as {@code .csv} (UTF-8 or GBK, a header line) or {@code .json}
     * (an array or one object per line), manifests as files matching {@code manifestPattern}. Read files move to
     * {@code .done/}, unreadable ones to {@code .failed/}.
     *
     * @param directory       where files arrive
     * @param manifestPattern file names of daily manifests; group 1 is the day, yyyyMMdd
     * @param pollInterval    how often to look
     */
    public record FileChannel(
            @NotNull Path directory,
            @NotBlank @DefaultValue("manifest-(\\d{8})\\.(csv|json)") String manifestPattern,
            @NotNull @DefaultValue("1s") Duration pollInterval) {
    }

    /**
     * @param disabledRules   rules applied to no source
     * @param requiredFields  standard fields every record must carry besides the mandatory ones
     * @param futureTolerance how far ahead of the hub's clock a time may be (the sources' clocks drift)
     */
    public record Quality(
            @DefaultValue List<QualityRule> disabledRules,
            List<String> requiredFields,
            @NotNull @DefaultValue("5m") Duration futureTolerance) {

        public Quality {
            requiredFields = requiredFields == null ? QualityProfile.DEFAULT_REQUIRED : requiredFields;
        }
    }

    /**
     * @param holidays           public holidays on weekdays and weekends (法定节假日)
     * @param workingWeekendDays weekend days worked in exchange (调休上班)
     */
    public record Calendar(@DefaultValue List<LocalDate> holidays, @DefaultValue List<LocalDate> workingWeekendDays) {
    }

    /**
     * @param url            where passed records are POSTed as JSON batches; empty: forwarding paused (records wait)
     * @param batchSize      records per request
     * @param interval       how often the outbox is looked at
     * @param initialBackoff wait after a first failure; doubled after each further failure
     * @param maxBackoff     the longest wait between attempts
     * @param timeout        connect and answer timeout of one request
     */
    public record Centre(
            String url,
            @Min(1) @Max(5000) @DefaultValue("500") int batchSize,
            @NotNull @DefaultValue("200ms") Duration interval,
            @NotNull @DefaultValue("1s") Duration initialBackoff,
            @NotNull @DefaultValue("5m") Duration maxBackoff,
            @NotNull @DefaultValue("10s") Duration timeout) {

        public boolean configured() {
            return url != null && !url.isBlank();
        }
    }

    /**
     * @param manifestsTopic   where sources may publish their daily manifests (JSON: source, day, caseNumbers or count)
     * @param groupPrefix      consumer groups are this plus the source id; every hub node joins them
     * @param maxPollRecords   records per poll, stored in one transaction
     */
    public record Kafka(
            @NotBlank @DefaultValue("hub.return-flow.manifests") String manifestsTopic,
            @NotBlank @DefaultValue("hub-return-flow-") String groupPrefix,
            @Min(1) @Max(10000) @DefaultValue("1000") int maxPollRecords) {
    }
}

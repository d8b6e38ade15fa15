package org.exchangehub.hub.returnflow;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.exchangehub.mapping.CaseRecordField;
import org.exchangehub.hub.mapping.MappingCatalog;
import org.exchangehub.mapping.MappingConfig;
import org.exchangehub.mapping.MappingTarget;
import org.exchangehub.returnflow.quality.QualityProfile;
import org.exchangehub.returnflow.quality.QualityRule;
import org.exchangehub.returnflow.quality.QualitySettings;
import org.exchangehub.returnflow.record.WorkingDayCalendar;
import org.exchangehub.returnflow.source.CaseSource;
import org.exchangehub.returnflow.source.CaseSources;
import org.exchangehub.returnflow.source.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the return flow's sources from {@code hub.return-flow}: each source's mapping config is found by name
 * among those shipped ({@code mappings/case-record/*.yaml}) and those in {@code hub.mappings.directory}, and its channel
 * settings are checked. Every fault is reported at once and stops the start.
 */
@Configuration
public class ReturnFlowConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReturnFlowConfiguration.class);

    @Bean
    QualitySettings qualitySettings(ReturnFlowProperties properties) {
        return new QualitySettings(new WorkingDayCalendar(properties.calendar().holidays(), properties.calendar().workingWeekendDays()),
                properties.quality().futureTolerance(), Clock.systemUTC());
    }

    @Bean
    CaseSources caseSources(ReturnFlowProperties properties, MappingCatalog catalog) {
        Map<String, MappingConfig> mappings = catalog.all();
        List<String> problems = new ArrayList<>();
        List<CaseSource> sources = new ArrayList<>();
        properties.sources().forEach((id, s) -> {
            String at = "hub.return-flow.sources." + id;
            if (!id.matches("[a-z0-9][a-z0-9-]{0,62}")) {
                problems.add(at + ": a source id is lower-case letters, digits and dashes");
            }
            MappingConfig mapping = mappings.get(s.mapping());
            if (mapping == null) {
                problems.add(at + ".mapping: no mapping config named '" + s.mapping() + "'; the case-record configs are "
                        + mappings.keySet());
            } else if (mapping.target() != MappingTarget.CASE_RECORD) {
                problems.add(at + ".mapping: '" + s.mapping() + "' maps to " + mapping.target() + ", expected case-record");
            }
            switch (s.channel()) {
                case KAFKA -> {
                    if (s.kafka() == null) {
                        problems.add(at + ".kafka.topic: required for channel kafka");
                    }
                }
                case DATABASE -> {
                    if (s.database() == null) {
                        problems.add(at + ".database: required for channel database (table, watermark-column, key-column)");
                    }
                }
                case FILE -> {
                    if (s.file() == null) {
                        problems.add(at + ".file.directory: required for channel file");
                    }
                }
                case HTTP -> {
                }
            }
            List<String> required = s.requiredFields() == null ? properties.quality().requiredFields() : s.requiredFields();
            for (String field : required) {
                if (CaseRecordField.ofFieldName(field).isEmpty()) {
                    problems.add(at + ".required-fields: '" + field + "' is not a field of the standard case record; the fields are "
                            + java.util.Arrays.stream(CaseRecordField.values()).map(CaseRecordField::fieldName).toList());
                }
            }
            Set<QualityRule> disabled = EnumSet.noneOf(QualityRule.class);
            disabled.addAll(properties.quality().disabledRules());
            disabled.addAll(s.disabledRules());
            if (mapping != null && s.enabled()) {
                sources.add(new CaseSource(id, s.description(), s.channel(), mapping, s.departmentCode(), Set.copyOf(s.clientIds()),
                        new QualityProfile(disabled, required)));
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The return flow's configuration is wrong:\n  " + String.join("\n  ", problems));
        }
        sources.forEach(s -> log.info("Return-flow source {}: channel {}, mapping {} ({})", s.id(), s.channel(), s.mapping().name(),
                s.mapping().origin()));
        return new CaseSources(sources);
    }

    /** Channel kinds by source, for the channels' wiring. */
    static List<String> idsOf(ReturnFlowProperties properties, Channel channel) {
        return properties.sources().entrySet().stream()
                .filter(e -> e.getValue().enabled() && e.getValue().channel() == channel)
                .map(Map.Entry::getKey).toList();
    }
}

package org.exchangehub.hub.returnflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.exchangehub.mapping.CaseRecordField;
import org.exchangehub.mapping.MappingConfig;
import org.exchangehub.mapping.MappingConfigs;
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
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Builds the return flow's sources from {@code hub.return-flow}: each source's mapping config is found by name
 * among those shipped ({@code mappings/case-record/*.yaml}) and those in {@code mapping-directory}, and its channel
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
    CaseSources caseSources(ReturnFlowProperties properties) {
        Map<String, MappingConfig> mappings = mappings(properties);
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

    /** The case-record mapping configs by name: shipped ones, then the directory's (which may replace them). */
    static Map<String, MappingConfig> mappings(ReturnFlowProperties properties) {
        Map<String, MappingConfig> byName = new LinkedHashMap<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:mappings/case-record/*.yaml")) {
                String yaml = new String(r.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                MappingConfig config = MappingConfigs.parse(yaml, "mappings/case-record/" + r.getFilename());
                byName.put(config.name(), config);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the shipped mapping configs: " + e.getMessage(), e);
        }
        if (properties.mappingDirectory() != null && !properties.mappingDirectory().toString().isBlank()) {
            if (!Files.isDirectory(properties.mappingDirectory())) {
                throw new IllegalStateException("hub.return-flow.mapping-directory: " + properties.mappingDirectory().toAbsolutePath()
                        + " is not a directory");
            }
            for (MappingConfig config : MappingConfigs.loadDirectory(properties.mappingDirectory())) {
                byName.put(config.name(), config);
            }
        }
        return byName;
    }

    /** Channel kinds by source, for the channels' wiring. */
    static List<String> idsOf(ReturnFlowProperties properties, Channel channel) {
        return properties.sources().entrySet().stream()
                .filter(e -> e.getValue().enabled() && e.getValue().channel() == channel)
                .map(Map.Entry::getKey).toList();
    }
}

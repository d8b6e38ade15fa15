package org.exchangehub.mapping;

import java.time.ZoneId;
import java.util.List;

/**
 * A mapping config, checked and compiled: immutable, and cheap to map with. Obtain one from {@link MappingConfigs}.
 */
public final class MappingConfig {

    private final String name;
    private final String description;
    private final MappingTarget target;
    private final ZoneId zone;
    private final String origin;
    private final List<String> targetFields;
    private final Mapper mapper;

    MappingConfig(String name, String description, MappingTarget target, ZoneId zone, String origin, List<FieldRule> rules) {
        this.name = name;
        this.description = description;
        this.target = target;
        this.zone = zone;
        this.origin = origin;
        this.targetFields = rules.stream().map(FieldRule::target).toList();
        this.mapper = new Mapper(rules);
    }

    /** The config's identifier, e.g. {@code provincial-vertical-case-record}. */
    public String name() {
        return name;
    }

    /** What the config says about itself; empty when it says nothing. */
    public String description() {
        return description;
    }

    public MappingTarget target() {
        return target;
    }

    /** The zone in which values without an offset are read and every date-time is expressed. */
    public ZoneId zone() {
        return zone;
    }

    /** The file or classpath resource the config was read from. */
    public String origin() {
        return origin;
    }

    /** The target fields the config maps, in the order of the file. */
    public List<String> targetFields() {
        return targetFields;
    }

    /** The config's mapper: one per config, shared by all callers. */
    public Mapper mapper() {
        return mapper;
    }

    @Override
    public String toString() {
        return "MappingConfig[" + name + ", " + target.configName() + ", from " + origin + "]";
    }
}

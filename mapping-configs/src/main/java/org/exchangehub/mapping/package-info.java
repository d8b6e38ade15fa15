/**
 * Mapping configs: YAML files that shape one system's records into another's.
 *
 * <p>{@link org.exchangehub.mapping.MappingConfigs} reads and checks a config (JSON Schema first, then the checks that
 * need Java: source paths, date patterns, regular expressions, zones, the standard case record's fields) and compiles
 * it once into a {@link org.exchangehub.mapping.MappingConfig}; its {@link org.exchangehub.mapping.Mapper} maps a
 * source record (a JSON tree or a flat row) into a {@link org.exchangehub.mapping.MappingResult}: the typed values and
 * the record's {@link org.exchangehub.mapping.MappingProblem}s. A bad value is a problem of its record, never an
 * exception, and never stops the other fields being mapped.
 *
 * <p>Everything that is not public here is the implementation. The module is plain Java with Jackson and a JSON
 * Schema validator, so any module of the hub can use it. See docs/mapping-configs.md for the YAML format.
 */
package org.exchangehub.mapping;

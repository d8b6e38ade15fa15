package org.exchangehub.mapping;

import java.util.List;
import java.util.stream.Collectors;

/** A mapping config that cannot be used: every fault found is listed, each with its file, YAML path and line. */
public class MappingConfigException extends RuntimeException {

    private final transient List<ConfigProblem> problems;

    public MappingConfigException(List<ConfigProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String describe(List<ConfigProblem> problems) {
        return problems.size() == 1
                ? "Invalid mapping config: " + problems.getFirst()
                : problems.size() + " problems in mapping configs:\n  "
                        + problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n  "));
    }
}

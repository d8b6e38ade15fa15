package org.exchangehub.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every console label exists in Chinese and in English, and every label a template names exists. */
class MessageBundlesTest {

    private static final Path I18N = Path.of("src/main/resources/i18n");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates/console");
    /** #{some.key} and #{some.key(args)}; keys built at run time (#{'x.' + ${y}}) are not literal and not checked. */
    private static final Pattern KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.\\-]*)[(}]");

    @Test
    void everyChineseLabelHasAnEnglishOneAndTheOtherWayRound() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(I18N)) {
            for (Path zh : files.filter(p -> !p.getFileName().toString().contains("_")).toList()) {
                Path en = zh.resolveSibling(zh.getFileName().toString().replace(".properties", "_en.properties"));
                assertThat(en).as("the English bundle beside " + zh).exists();
                Set<String> zhKeys = keys(zh);
                Set<String> enKeys = keys(en);
                zhKeys.stream().filter(k -> !enKeys.contains(k)).forEach(k -> problems.add(en.getFileName() + " lacks " + k));
                enKeys.stream().filter(k -> !zhKeys.contains(k)).forEach(k -> problems.add(zh.getFileName() + " lacks " + k));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyLabelATemplateNamesExists() throws IOException {
        Set<String> known = new TreeSet<>();
        try (Stream<Path> files = Files.list(I18N)) {
            for (Path p : files.filter(p -> !p.getFileName().toString().contains("_")).toList()) {
                known.addAll(keys(p));
            }
        }
        List<String> missing = new ArrayList<>();
        try (Stream<Path> templates = Files.walk(TEMPLATES)) {
            for (Path t : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = KEY.matcher(Files.readString(t));
                while (m.find()) {
                    if (!known.contains(m.group(1))) {
                        missing.add(TEMPLATES.relativize(t) + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static Set<String> keys(Path bundle) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(bundle)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }
}

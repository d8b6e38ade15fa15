package org.exchangehub.mapping;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The return flow maps millions of records with one config: everything costly to build (regular expressions, date
 * formatters, zones) is built once, by the compiler, and the per-record code only uses it.
 */
@AnalyzeClasses(packages = "org.exchangehub.mapping", importOptions = ImportOption.DoNotIncludeTests.class)
class CompileOnceRulesTest {

    @ArchTest
    static final ArchRule onlyTheCompilerBuildsPatternsFormattersAndZones = noClasses()
            .that().resideInAPackage("org.exchangehub.mapping..")
            .and().doNotHaveSimpleName("ConfigCompiler")
            .should().callMethod(Pattern.class, "compile", String.class)
            .orShould().callMethod(Pattern.class, "compile", String.class, int.class)
            .orShould().callMethod(Pattern.class, "matches", String.class, CharSequence.class)
            .orShould().callMethod(String.class, "matches", String.class)
            .orShould().callMethod(String.class, "replaceAll", String.class, String.class)
            .orShould().callMethod(String.class, "replaceFirst", String.class, String.class)
            .orShould().callMethod(String.class, "split", String.class)
            .orShould().callMethod(DateTimeFormatter.class, "ofPattern", String.class)
            .orShould().callMethod(DateTimeFormatter.class, "ofPattern", String.class, Locale.class)
            .orShould().callConstructor(DateTimeFormatterBuilder.class)
            .orShould().callMethod(ZoneId.class, "of", String.class)
            .because("mapping a record must not compile a regular expression, a date pattern or a zone: "
                    + "ConfigCompiler builds them once per config");

    @ArchTest
    static final ArchRule freeOfSpringAndCamel = noClasses()
            .that().resideInAPackage("org.exchangehub.mapping..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.camel..", "org.exchangehub.hub..",
                    "org.exchangehub.catalog..", "org.exchangehub.connectors..")
            .because("mapping-configs is a plain library that any module can use");
}

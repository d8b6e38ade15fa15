package org.exchangehub.hub.console.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.exchangehub.catalog.FieldProblem;
import org.exchangehub.catalog.ImportReport;
import org.springframework.context.MessageSource;

/**
 * The registry explains refused fields in English for API clients; the console shows the common ones in the user's
 * language from the bundle, recognised by how the registry's message starts. Messages not recognised are shown as
 * the registry wrote them (they name the value and what was expected, which is still better than nothing).
 */
final class ProblemMessages {

    /** Registry message start → bundle key; the more specific starts come first. */
    private static final List<Map.Entry<String, String>> STARTS = List.of(
            Map.entry("required when shareType is CONDITIONAL", "catalog.problem.shareConditions"),
            Map.entry("required when shareType is NOT_SHARED", "catalog.problem.legalBasis"),
            Map.entry("required when openType is CONDITIONAL_OPEN", "catalog.problem.openConditions"),
            Map.entry("required for a STRING data item", "catalog.problem.stringLength"),
            Map.entry("required: tell the department", "catalog.problem.reason"),
            Map.entry("required: 类-项-目-细目", "catalog.problem.classificationCode"),
            Map.entry("expected 类-项-目-细目", "catalog.problem.classificationCode"),
            Map.entry("at least one data item", "catalog.problem.dataItems"),
            Map.entry("duplicate data item name", "catalog.problem.duplicateName"),
            Map.entry("duplicate data item code", "catalog.problem.duplicateCode"),
            Map.entry("expected a whole number", "catalog.problem.wholeNumber"),
            Map.entry("no service item with code", "catalog.problem.unknownItem"),
            Map.entry("no catalogue entry with resource code", "catalog.problem.unknownResource"),
            Map.entry("required: one of", "catalog.problem.choose"),
            Map.entry("no searchable characters", "catalog.problem.noSearchable"),
            Map.entry("required", "catalog.problem.required"));

    private ProblemMessages() {
    }

    static List<FieldProblem> localize(List<FieldProblem> problems, MessageSource messages, Locale locale) {
        return problems.stream().map(p -> new FieldProblem(p.field(), text(p.message(), messages, locale))).toList();
    }

    static ImportReport localize(ImportReport report, MessageSource messages, Locale locale) {
        return new ImportReport(report.total(), report.created(), report.updated(), report.rejected(), report.rows().stream()
                .map(r -> new ImportReport.RowResult(r.row(), r.outcome(), r.key(), localize(r.problems(), messages, locale)))
                .toList());
    }

    static String text(String message, MessageSource messages, Locale locale) {
        if (message == null) {
            return null;
        }
        for (Map.Entry<String, String> start : STARTS) {
            if (message.startsWith(start.getKey())) {
                return messages.getMessage(start.getValue(), null, message, locale);
            }
        }
        return message;
    }
}

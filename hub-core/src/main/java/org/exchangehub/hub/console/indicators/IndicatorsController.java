package org.exchangehub.hub.console.indicators;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.exchangehub.catalog.Actor;
import org.exchangehub.hub.console.ConsolePage;
import org.exchangehub.hub.console.indicators.IndicatorsReport.DepartmentRow;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The evaluation indicators per department next to their targets (admins: every department), and as XLSX. */
@Controller
public class IndicatorsController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final IndicatorsService indicators;
    private final MessageSource messages;

    public IndicatorsController(IndicatorsService indicators, MessageSource messages) {
        this.indicators = indicators;
        this.messages = messages;
    }

    @GetMapping({"/console/indicators", "/console/indicators/"})
    String page(Actor actor, @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String dir, Model model) {
        IndicatorsReport report = indicators.report(actor);
        Map<String, Comparator<DepartmentRow>> columns = columns();
        ConsolePage.Request r = ConsolePage.Request.of(page, size, sort, dir, columns.keySet(), "department", true);
        model.addAttribute("report", report);
        model.addAttribute("rows", r.slice(report.departments(), columns));
        model.addAttribute("indicators", Indicator.values());
        return "console/indicators/indicators";
    }

    /**
     * Sorting by department, by code, by how many targets are missed, or by any indicator's value; departments
     * without data for it go after those with data when ascending, so they never pass for the worst.
     */
    static Map<String, Comparator<DepartmentRow>> columns() {
        Map<String, Comparator<DepartmentRow>> columns = new LinkedHashMap<>();
        columns.put("department", Comparator.comparing(DepartmentRow::departmentName,
                Comparator.nullsLast(org.exchangehub.catalog.text.PinyinOrder.names())).thenComparing(DepartmentRow::departmentCode));
        columns.put("code", Comparator.comparing(DepartmentRow::departmentCode));
        columns.put("missed", Comparator.comparingLong(DepartmentRow::missed).thenComparing(DepartmentRow::departmentCode));
        for (Indicator i : Indicator.values()) {
            columns.put(i.key(), Comparator.comparing((DepartmentRow d) -> d.figure(i).value(),
                    Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(DepartmentRow::departmentCode));
        }
        return columns;
    }

    @GetMapping("/console/indicators.xlsx")
    ResponseEntity<byte[]> xlsx(Actor actor, Locale locale) {
        IndicatorsReport report = indicators.report(actor);
        byte[] book = IndicatorsWorkbook.write(report, key -> messages.getMessage(key, null, locale));
        String name = messages.getMessage("indicators.fileName", new Object[] {report.to().toString()}, locale);
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8)
                        .build().toString())
                .body(book);
    }

}

package org.exchangehub.hub.gateway;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.exchangehub.catalog.Actor;
import org.exchangehub.catalog.BureauCalendar;
import org.exchangehub.catalog.calls.CallLog;
import org.exchangehub.catalog.calls.CallLog.DailyStatistics;
import org.exchangehub.catalog.calls.CallLog.GrantedVersusCalled;
import org.exchangehub.catalog.calls.CallLog.UncalledGrant;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Use of shared interfaces: calls per day, consumer and resource; grants nobody calls (指标21); national interfaces granted versus called. */
@RestController
@RequestMapping("/api/calls")
@Tag(name = "Call statistics", description = "Gateway calls per day, consumer and resource; granted but never called")
public class CallStatisticsController {

    private final CallLog callLog;
    private final ConnectorProperties connectors;

    public CallStatisticsController(CallLog callLog, ConnectorProperties connectors) {
        this.callLog = callLog;
        this.connectors = connectors;
    }

    @GetMapping("/statistics")
    @Operation(summary = "Admin: calls per day (Asia/Shanghai), consuming system and resource; default today")
    public List<DailyStatistics> statistics(Actor actor,
                                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate today = BureauCalendar.today();
        return callLog.statistics(actor, from == null ? today : from, to == null ? today : to);
    }

    @GetMapping("/never-called")
    @Operation(summary = "Admin: active grants no call has used yet (approved interfaces nobody calls, 指标21)")
    public List<UncalledGrant> neverCalled(Actor actor) {
        return callLog.neverCalled(actor);
    }

    @GetMapping("/national")
    @Operation(summary = "Admin: national interfaces (entries mounted through a connector of family national), granted versus "
            + "called in the period; default the last 30 days")
    public List<GrantedVersusCalled> national(Actor actor,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate today = BureauCalendar.today();
        List<String> national = connectors.systems().entrySet().stream().filter(s -> "national".equals(s.getValue().family()))
                .map(java.util.Map.Entry::getKey).sorted().toList();
        return callLog.grantedVersusCalled(actor, national, from == null ? today.minusDays(29) : from, to == null ? today : to);
    }
}

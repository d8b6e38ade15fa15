package org.exchangehub.hub.gateway;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.exchangehub.catalog.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The gateway: consuming systems call shared data by resource code and operation, never the provider directly. */
@RestController
@Tag(name = "Shared calls", description = "Call a granted resource through the hub")
public class SharedCallController {

    private final SharedCallService calls;

    public SharedCallController(SharedCallService calls) {
        this.calls = calls;
    }

    @GetMapping("/api/shared/{prefix}/{sequence}/{operation}")
    @Operation(summary = "Call an operation of a granted resource; query parameters fill the operation's path or go on to the provider")
    public Map<String, Object> call(Actor actor, @PathVariable String prefix, @PathVariable String sequence,
                                    @PathVariable String operation, @RequestParam Map<String, String> parameters) {
        return calls.call(actor, prefix + "/" + sequence, operation, parameters);
    }
}

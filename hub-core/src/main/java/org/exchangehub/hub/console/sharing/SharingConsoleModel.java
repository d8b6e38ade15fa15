package org.exchangehub.hub.console.sharing;

import java.time.ZoneId;

import org.exchangehub.catalog.BureauCalendar;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The sharing pages show times in the bureau's zone (Asia/Shanghai), whatever zone the database answered in. */
@ControllerAdvice(assignableTypes = {SharingConsoleController.class, CallsConsoleController.class})
public class SharingConsoleModel {

    @ModelAttribute("zone")
    ZoneId zone() {
        return BureauCalendar.ZONE;
    }
}

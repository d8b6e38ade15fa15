package org.exchangehub.catalog;

import java.time.LocalDate;
import java.time.ZoneId;

/** Days in the hub are the data bureau's calendar days (publication dates, daily quotas, call statistics). */
public final class BureauCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BureauCalendar() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}

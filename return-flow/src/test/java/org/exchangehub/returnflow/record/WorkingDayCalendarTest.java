package org.exchangehub.returnflow.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingDayCalendarTest {

    // National Day 2026: 1-7 October off, Sunday 27 September and Saturday 10 October worked
    final WorkingDayCalendar calendar = new WorkingDayCalendar(
            List.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 6),
                    LocalDate.of(2026, 10, 7)),
            List.of(LocalDate.of(2026, 9, 27), LocalDate.of(2026, 10, 10)));

    @Test
    void shouldSkipWeekends() {
        assertThat(WorkingDayCalendar.weekendsOnly().deadline(LocalDate.of(2026, 11, 20), 1)).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(WorkingDayCalendar.weekendsOnly().deadline(LocalDate.of(2026, 11, 23), 5)).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void shouldSkipHolidaysAndCountWorkedWeekendDays() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
        // accepted Wednesday 30 September, 3 working days: Thursday 8, Friday 9, Saturday 10 October
        assertThat(calendar.deadline(LocalDate.of(2026, 9, 30), 3)).isEqualTo(LocalDate.of(2026, 10, 10));
    }

    @Test
    void shouldCountWorkingDaysLate() {
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 12))).isEqualTo(4);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 10, 12), LocalDate.of(2026, 10, 12))).isZero();
        assertThat(calendar.deadline(LocalDate.of(2026, 10, 12), 0)).isEqualTo(LocalDate.of(2026, 10, 12));
    }
}

package fr.maillage.domain.hours;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/** The hours of the seven days from {@code monday}, as a person sees them (exceptions applied). */
public record WeekHours(LocalDate monday, List<DayHours> days) {

    public WeekHours {
        days = List.copyOf(days);
        if (monday.getDayOfWeek() != DayOfWeek.MONDAY || days.size() != 7) {
            throw new IllegalArgumentException("a week is seven days from a Monday");
        }
        for (int i = 0; i < 7; i++) {
            if (!days.get(i).date().equals(monday.plusDays(i))) {
                throw new IllegalArgumentException("the days of a week follow each other from its Monday");
            }
        }
    }

    public DayHours on(DayOfWeek day) {
        return days.get(day.ordinal());
    }
}

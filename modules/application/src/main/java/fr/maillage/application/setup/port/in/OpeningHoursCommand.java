package fr.maillage.application.setup.port.in;

import fr.maillage.application.shared.Fields;
import fr.maillage.domain.hours.HoursException;
import fr.maillage.domain.hours.OpeningHours;
import fr.maillage.domain.hours.WeeklySchedule;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Opening hours as callers write them (and as they are stored):
 * {@code {"weekly": {"MONDAY": ["09:00-17:00"]}, "exceptions": [{"type": "CLOSED", "from": "2026-12-24",
 * "to": "2027-01-02", "label": "Vacances"}, {"type": "SPECIAL", "date": "2026-12-05", "hours": ["10:00-12:00"],
 * "label": "Portes ouvertes"}], "closedOnPublicHolidays": true}}. The time zone is the network's.
 */
public record OpeningHoursCommand(@Nullable Map<String, @Nullable List<String>> weekly,
        @Nullable List<@Nullable ExceptionInput> exceptions, @Nullable Boolean closedOnPublicHolidays) {

    public record ExceptionInput(@Nullable String type, @Nullable String from, @Nullable String to,
            @Nullable String date, @Nullable List<String> hours, @Nullable String label) {
    }

    /** Reads the hours in the network's zone; problems are reported under {@code field}. */
    public @Nullable OpeningHours parse(Fields fields, String field, ZoneId zone) {
        Map<String, List<String>> days = new LinkedHashMap<>();
        if (weekly != null) {
            weekly.forEach((day, ranges) -> days.put(day, ranges == null ? List.of() : ranges));
        }
        WeeklySchedule schedule = fields.optional(field + ".weekly", days, WeeklySchedule::parse);
        List<HoursException> parsed = new ArrayList<>();
        boolean ok = schedule != null;
        List<@Nullable ExceptionInput> raw = exceptions == null ? List.of() : exceptions;
        for (int i = 0; i < raw.size(); i++) {
            ExceptionInput e = raw.get(i);
            String name = field + ".exceptions[" + i + "]";
            HoursException exception = e == null ? null : fields.optional(name, e, OpeningHoursCommand::exception);
            if (exception == null) {
                if (e == null) {
                    fields.reject(name, "field.required");
                }
                ok = false;
            } else {
                parsed.add(exception);
            }
        }
        if (!ok) {
            return null;
        }
        return fields.optional(field, parsed, list -> new OpeningHours(zone, schedule, list,
                closedOnPublicHolidays == null || closedOnPublicHolidays));
    }

    private static HoursException exception(ExceptionInput e) {
        String label = e.label() == null ? "" : e.label();
        if ("SPECIAL".equalsIgnoreCase(String.valueOf(e.type()))) {
            return HoursException.Special.parse(String.valueOf(e.date()), e.hours() == null ? List.of() : e.hours(),
                    label);
        }
        if ("CLOSED".equalsIgnoreCase(String.valueOf(e.type()))) {
            String from = e.from() != null ? e.from() : String.valueOf(e.date());
            return HoursException.Closed.parse(from, e.to() == null ? from : e.to(), label);
        }
        throw new fr.maillage.domain.shared.InvalidValueException("hours.exception.type", String.valueOf(e.type()));
    }

    /** The stored or displayed form of opening hours. */
    public static OpeningHoursCommand of(OpeningHours hours) {
        List<@Nullable ExceptionInput> exceptions = new ArrayList<>();
        for (HoursException e : hours.exceptions()) {
            exceptions.add(switch (e) {
                case HoursException.Closed c -> new ExceptionInput("CLOSED", c.firstDay().toString(),
                        c.lastDay().toString(), null, null, c.label());
                case HoursException.Special s -> new ExceptionInput("SPECIAL", null, null, s.date().toString(),
                        s.ranges().stream().map(r -> r.format()).toList(), s.label());
            });
        }
        Map<String, @Nullable List<String>> weekly = new LinkedHashMap<>(hours.weekly().format());
        return new OpeningHoursCommand(weekly, exceptions, hours.closedOnPublicHolidays());
    }
}
